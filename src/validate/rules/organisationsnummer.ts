import { diagnosticAt, items } from "./context.js";
import type { Rule } from "./index.js";

/** Luhn check over the ten digits of NNNNNN-NNNN. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * An organisationsnummer has a valid Luhn check digit and a third digit ≥ 2 (which tells it apart
 * from a personnummer). The schema has already checked the NNNNNN-NNNN form.
 */
export const organisationsnummer: Rule = {
  id: "organisationsnummer",
  run({ data, file }, schema) {
    return items(schema, file, ["parter"], data.parter).flatMap(([part, i]) => {
      const nr = part.organisationsnummer;
      const path = ["parter", i, "organisationsnummer"];
      if (typeof nr !== "string" || !schema.valid(file, path)) return [];
      const digits = nr.replace("-", "");
      const of = schema.valid(file, ["parter", i, "namn"]) ? ` för ${part.namn}` : "";
      if (Number(digits[2]) < 2) {
        return [
          diagnosticAt(
            file,
            path,
            "fel",
            "organisationsnummer-tredje-siffra",
            `Organisationsnumret ${nr}${of} har tredje siffran ${digits[2]}; ett organisationsnummer har minst 2 där (annars är det ett personnummer).`,
          ),
        ];
      }
      if (!luhnValid(digits)) {
        return [
          diagnosticAt(
            file,
            path,
            "fel",
            "organisationsnummer-kontrollsiffra",
            `Organisationsnumret ${nr}${of} har fel kontrollsiffra. Kontrollera numret mot källan.`,
          ),
        ];
      }
      return [];
    });
  },
};
