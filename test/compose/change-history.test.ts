import { describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import { copy, loadExample, loadFixture } from "./load.js";

const entry = {
  datum: "2026-03-15",
  beslut: "Styrgruppen 2026-03-15 § 4",
  beslutat_av: "Styrgruppen",
  beskrivning: "Stöd vid myndighetskontakter även digitalt.",
};

const bilagaMarkdown = (agreement: Awaited<ReturnType<typeof loadExample>>, name: string) =>
  composeAgreement(agreement).documents.find((d) => d.name === name)?.markdown ?? "";

describe("Ändringshistorik in a bilaga", () => {
  it("should add nothing to a bilaga without change log entries (reproduced words stay)", async () => {
    const agreement = await loadExample("stockholm-brottsofferstod-2025");
    expect(bilagaMarkdown(agreement, "bilaga-1")).not.toMatch(/Ändringshistorik|Inga ändringar/);
  });

  it("should print the entries in a section of their own before the signatures", async () => {
    const agreement = copy(await loadExample("stockholm-brottsofferstod-2025"));
    (agreement.bilagor[0] as { data: { ändringslogg?: unknown[] } }).data.ändringslogg = [entry];
    const markdown = bilagaMarkdown(agreement, "bilaga-1");
    const history = markdown.search(/^#+ Ändringshistorik {#andringshistorik}$/m);
    expect(history).toBeGreaterThan(0);
    expect(markdown.search(/^#+ Underskrift {#underskrift}$/m)).toBeGreaterThan(history);
    expect(markdown).toContain("| Datum | Beslut | Beslutat av | Ändring |");
    expect(markdown).toContain(
      "| 2026-03-15 | Styrgruppen 2026-03-15 § 4 | Styrgruppen | Stöd vid myndighetskontakter även digitalt. |",
    );
  });

  it("should use the bilaga's own andringslogg section when it has one, once", async () => {
    const agreement = await loadFixture("compose/fixtures/mini");
    const markdown = bilagaMarkdown(agreement, "bilaga-1");
    expect(markdown.match(/Ändringshistorik/g)).toHaveLength(1);
    expect(markdown).toContain("| 2025-05-01 | Styrgruppen § 3 | Styrgruppen | Nytt åtagande");
  });
});
