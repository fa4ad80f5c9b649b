/** The flags of `iop new` for the example skeleton: a municipality, two parties, one year. */
export const NEW_FLAGS = [
  "--kommun",
  "Socialnämnden i Exempelstad (212000-0142)",
  "--part",
  "Föreningen Exempel (802490-7720)",
  "--part",
  "Brottsofferjouren Västerort",
  "--start",
  "2027-01-01",
  "--slut",
  "2027-12-31",
];
