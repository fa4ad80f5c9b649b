import { hasErrors } from "../../diagnostics.js";
import { writeFileAtomically } from "../../package/write.js";
import { loadAgreement } from "../../validate/index.js";
import { parse } from "../args.js";
import { type Command, EXIT, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";

/** Today's date in Sweden, whatever the machine's time zone. */
const todayInSweden = (): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

export const calendar: Command = {
  name: "calendar",
  summary: "visa perioder, uppsägningsdagar och rapporteringsdagar, även som iCalendar-fil",
  help: `Användning: iop calendar <mapp> [--ics FIL] [--today ÅÅÅÅ-MM-DD]

Räknar fram överenskommelsens kalender ur periodens uppgifter och visar den som en tabell:
  - varje period (den inledande och varje automatisk förlängning) med start och slut, fram till
    förlängningens sista dag (längst_till) eller, när den saknas, fem år framåt
  - varje sista dag för uppsägning och den dag uppsägningen träder i kraft
  - sista dag för årlig rapportering, där överenskommelsen anger den
    (uppföljning › rapportering › senast)

En sista dag som infaller på en lördag, söndag, helgdag, midsommarafton, julafton eller
nyårsafton visas med nästa arbetsdag bredvid. Det är information: dagen i överenskommelsen
gäller.

Flaggor:
  --ics FIL             skriv kalendern som iCalendar-fil (.ics) med en påminnelse två veckor
                        före varje sista dag för uppsägning
  --today ÅÅÅÅ-MM-DD    dagen som "fem år framåt" räknas från (standard: dagens datum)
  -h, --help            visa denna hjälp

Slutkod: 0 lyckades, 1 fel i indata, 2 felaktig användning eller mapp som inte kan läsas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ics: { type: "string" },
      today: { type: "string" },
    });
    if (positionals.length !== 1) throw new UsageError("Ange en mapp med en överenskommelse.");
    const today = values.today ?? todayInSweden();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
      throw new UsageError(`--today ska vara ett datum ÅÅÅÅ-MM-DD, inte "${today}".`);
    }
    const dir = positionals[0] as string;
    const loaded = await loadAgreement(dir);
    if (!loaded.agreement || hasErrors(loaded.diagnostics)) {
      reportDiagnostics(io, loaded.diagnostics, "text");
      return loaded.usageError ? EXIT.usage : EXIT.input;
    }
    const agreement = loaded.agreement;
    const { calendarOf } = await import("../../calendar/events.js");
    const { swedishWorkingDays } = await import("../../calendar/holidays.js");
    const { formatTable, rows } = await import("../../calendar/table.js");
    const calendar = calendarOf(agreement, today);
    const list = rows(calendar, await swedishWorkingDays());
    io.stdout(formatTable(agreement, calendar, list, today));
    if (values.ics !== undefined) {
      const { formatIcs } = await import("../../calendar/ics.js");
      try {
        await writeFileAtomically(values.ics, formatIcs(agreement, list));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        io.stderr(`iop calendar: kan inte skriva ${values.ics} (${code}).\n`);
        return EXIT.usage;
      }
      io.stderr(`Skrev ${values.ics}.\n`);
    }
    return EXIT.ok;
  },
};
