import { describe, expect, it } from "vitest";
import { blockChanges } from "../../src/diff/format/changes.js";
import { renderText, type VersionDiff } from "../../src/diff/index.js";
import { compare, copyAgreement, edit, reportedSections, V2025 } from "./helpers.js";

/** Amounts and percentages as Intl sv-SE writes them: non-breaking spaces in and before units. */
const nb = (s: string) =>
  s.replace(/(\d) (?=\d{3}\b)/g, "$1\u00a0").replace(/ (kr|%)/g, "\u00a0$1");
const summary = (diff: VersionDiff) => diff.summary.map((s) => s.text);

/** The inserted and deleted texts of one section of one document. */
const changesIn = (diff: VersionDiff, document: string, heading: string) =>
  blockChanges(
    diff.documents.find((d) => d.name === document)?.sections.find((s) => s.heading === heading)
      ?.blocks ?? [],
  ).map((c) => `${c.kind}:${c.text}`);

/** Constructed edits of the 2025 agreement: each is reported exactly, and nothing else is. */
describe("iop diff on constructed edits of stockholm-brottsofferstod-2025", () => {
  it("should report one changed amount as that budget line and the new total, and redline only those cells", async () => {
    const dir = copyAgreement();
    edit(
      dir,
      "bilaga-1.yaml",
      "{ post: Personal, belopp: 650000 }",
      "{ post: Personal, belopp: 675000 }",
    );
    edit(dir, "bilaga-1.yaml", "summa: 830000", "summa: 855000");
    const diff = await compare(V2025, dir);
    expect(summary(diff)).toEqual([
      nb(
        "Ersättning, Brottsofferjouren Stockholm-Gotland: 830 000 kr → 855 000 kr (+25 000 kr, +3,0 %); Personal: 650 000 kr → 675 000 kr (+25 000 kr, +3,8 %)",
      ),
    ]);
    expect(reportedSections(diff)).toEqual([
      "bilaga-1 changed: Socialförvaltningens ersättning under 12 månader",
    ]);
    expect(changesIn(diff, "bilaga-1", "Socialförvaltningens ersättning under 12 månader")).toEqual(
      // Each replaced amount takes the space after it: "650 000 675 000 kr" in print.
      [
        "del:650\u00a0000\u00a0",
        "ins:675\u00a0000\u00a0",
        "del:830\u00a0000\u00a0",
        "ins:855\u00a0000\u00a0",
      ],
    );
  });

  it("should report a moved section as moved, and the section it jumped over not at all", async () => {
    const dir = copyAgreement();
    edit(
      dir,
      "overenskommelse.yaml",
      /( {6}- id: vardegrund\n {8}klausul: vardegrund\n)( {6}- id: informationsspridning\n(?: {8}.*\n)+)/,
      "$2$1",
    );
    const diff = await compare(V2025, dir);
    expect(summary(diff)).toEqual(["Avsnitt flyttat: Informationsspridning (2.7 → 2.6)"]);
    expect(reportedSections(diff)).toEqual(["overenskommelse moved: Informationsspridning"]);
    const vardegrund = diff.documents[0]?.sections.find((s) => s.id === "vardegrund");
    expect(vardegrund).toMatchObject({ status: "unchanged", oldNumber: "2.6", newNumber: "2.7" });
  });

  it("should report a deleted commitment by its text, and redline only that list item", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "    - Hjälp vid myndighetskontakter\n", "");
    const diff = await compare(V2025, dir);
    expect(summary(diff)).toEqual([
      "Åtagande borttaget, Brottsofferjouren Stockholm-Gotland: Hjälp vid myndighetskontakter",
    ]);
    expect(reportedSections(diff)).toEqual(["bilaga-1 changed: Åtagandets innehåll"]);
    expect(changesIn(diff, "bilaga-1", "Åtagandets innehåll")).toEqual([
      "del:Hjälp vid myndighetskontakter",
    ]);
  });

  it("should not report sections that were only renumbered when a subsection moves", async () => {
    const dir = copyAgreement();
    const moved =
      "      - id: fornyad-overenskommelse\n        rubrik: Förnyad överenskommelse\n        text: Då föregående period med överenskommelsen haft goda resultat och måluppfyllnad samt kvarstående behov av brottsofferstöd för målgruppen upprättas en förnyad överenskommelse om partnerskap mellan parterna.\n";
    edit(dir, "overenskommelse.yaml", `    avsnitt:\n${moved}`, "");
    edit(
      dir,
      "overenskommelse.yaml",
      "    avsnitt:\n      - id: utgangspunkt\n",
      `    avsnitt:\n${moved}      - id: utgangspunkt\n`,
    );
    const diff = await compare(V2025, dir);
    expect(summary(diff)).toEqual(["Avsnitt flyttat: Förnyad överenskommelse (1.1 → 2.1)"]);
    expect(reportedSections(diff)).toEqual(["overenskommelse moved: Förnyad överenskommelse"]);
    // Parter's seven subsections all got new numbers (2.1–2.7 → 2.2–2.8) and are unchanged.
    const renumbered = diff.documents[0]?.sections.filter(
      (s) => s.oldNumber !== s.newNumber && s.status === "unchanged",
    );
    expect(renumbered?.map((s) => `${s.oldNumber}→${s.newNumber}`)).toEqual([
      "2.1→2.2",
      "2.2→2.3",
      "2.3→2.4",
      "2.4→2.5",
      "2.5→2.6",
      "2.6→2.7",
      "2.7→2.8",
    ]);
  });
});

describe("iop diff on budget rows", () => {
  it("should mark an added budget line as an inserted row and keep the other rows", async () => {
    const dir = copyAgreement();
    edit(
      dir,
      "bilaga-1.yaml",
      "{ post: Personal, belopp: 650000 }",
      "{ post: Personal, belopp: 650000 }\n      - { post: Utbildning, belopp: 10000 }",
    );
    edit(dir, "bilaga-1.yaml", "summa: 830000", "summa: 840000");
    const diff = await compare(V2025, dir);
    const section = diff.documents
      .find((d) => d.name === "bilaga-1")
      ?.sections.find((s) => s.heading === "Socialförvaltningens ersättning under 12 månader");
    const table = section?.blocks.find((b) => b.type === "table");
    expect(table?.type === "table" && table.rowChanges).toEqual([
      null,
      "ins",
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(changesIn(diff, "bilaga-1", "Socialförvaltningens ersättning under 12 månader")).toEqual(
      [nb("ins:Utbildning\t10 000 kr"), "del:830\u00a0000\u00a0", "ins:840\u00a0000\u00a0"],
    );
    // The text format shows the inserted row, not only the changed total.
    expect(renderText(diff)).toContain(nb("{+Utbildning+} | {+10 000 kr+}"));
  });
});
