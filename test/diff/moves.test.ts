/** Word move markup of the redline: every move has both its places. */
import { describe, expect, it } from "vitest";
import { renderDocumentRedline } from "../../src/diff/index.js";
import { h, p, treeOf } from "../helpers/trees.js";
import { documentXml, elements, parseXml } from "./helpers.js";

/** The move names of each side's range starts in a Word redline. */
async function moveNames(
  oldTree: ReturnType<typeof treeOf>,
  newTree: ReturnType<typeof treeOf>,
): Promise<{ from: string[]; to: string[]; xml: string }> {
  const { redline, docx } = await renderDocumentRedline(oldTree, newTree);
  expect(redline.sections.some((s) => s.status === "moved")).toBe(true);
  const xml = documentXml(docx);
  const doc = parseXml(xml);
  const names = (name: string) =>
    elements(doc, name)
      .map((e) => e.getAttribute("w:name") ?? "")
      .sort();
  return { from: names("w:moveFromRangeStart"), to: names("w:moveToRangeStart"), xml };
}

describe("moves in the Word redline", () => {
  const old = treeOf([
    h(1, "1", "Syfte", "syfte"),
    p("Partnerskapet ska ge stöd till brottsoffer."),
    p("Stödet ges av utbildade stödpersoner, kostnadsfritt och på stödsökandes villkor."),
    h(1, "2", "Ekonomi", "ekonomi"),
    p("Ersättningen betalas kvartalsvis i förskott."),
    h(1, "3", "Period", "period"),
    p("Överenskommelsen gäller i tre år."),
  ]);

  it("should pair every w:moveFrom with a w:moveTo for a moved and changed section", async () => {
    const moved = treeOf([
      h(1, "1", "Ekonomi", "ekonomi"),
      p("Ersättningen betalas kvartalsvis i förskott, senast den första."),
      h(1, "2", "Syfte", "syfte"),
      p("Partnerskapet ska ge stöd till brottsoffer."),
      p("Stödet ges av utbildade stödpersoner, kostnadsfritt och på stödsökandes villkor."),
      h(1, "3", "Period", "period"),
      p("Överenskommelsen gäller i tre år."),
    ]);
    const { from, to } = await moveNames(old, moved);
    expect(from.length).toBeGreaterThan(0);
    expect(to).toEqual(from);
  });

  it("should write no w:moveFrom without its w:moveTo when the moved section's text is all new", async () => {
    // "Ekonomi" moves before "Syfte", and every word of it is new where it now stands: its
    // heading keeps its id but was renamed, its paragraph rewritten.
    const rewritten = treeOf([
      h(1, "1", "Ersättning", "ekonomi"),
      p("Medlen utgår en gång per år efter ansökan."),
      h(1, "2", "Syfte", "syfte"),
      p("Partnerskapet ska ge stöd till brottsoffer."),
      p("Stödet ges av utbildade stödpersoner, kostnadsfritt och på stödsökandes villkor."),
      h(1, "3", "Period", "period"),
      p("Överenskommelsen gäller i tre år."),
    ]);
    const { from, to, xml } = await moveNames(old, rewritten);
    expect(to).toEqual(from);
    // No move element at all outside a named range.
    const moveFrom = (xml.match(/<w:moveFrom[ >]/g) ?? []).length;
    const moveTo = (xml.match(/<w:moveTo[ >]/g) ?? []).length;
    expect(moveFrom > 0).toBe(moveTo > 0);
    // The old text is still there to reject to, as a deletion, and the new as an insertion.
    const doc = parseXml(xml);
    const text = (name: string) =>
      elements(doc, name)
        .map((e) => e.textContent)
        .join("");
    expect(text("w:del")).toContain("Ersättningen betalas kvartalsvis i förskott.");
    expect(text("w:ins")).toContain("Medlen utgår en gång per år efter ansökan.");
  });

  it("should write the words a moved section lost as deletions within the move", async () => {
    // "Ekonomi" moves before "Syfte" and loses "kvartalsvis ": where it now stands the words
    // are a w:del nested in a w:moveTo (moved, then deleted), inside the named range; the
    // w:moveTo around it has no date (LibreOffice 7.4.7 misreads a dated one, readers.test.ts),
    // the w:del has the change date.
    const changed = treeOf([
      h(1, "1", "Ekonomi", "ekonomi"),
      p("Ersättningen betalas i förskott."),
      h(1, "2", "Syfte", "syfte"),
      p("Partnerskapet ska ge stöd till brottsoffer."),
      p("Stödet ges av utbildade stödpersoner, kostnadsfritt och på stödsökandes villkor."),
      h(1, "3", "Period", "period"),
      p("Överenskommelsen gäller i tre år."),
    ]);
    const { docx } = await renderDocumentRedline(old, changed, { date: "2025-04-01" });
    const xml = documentXml(docx);
    const range = xml.slice(
      xml.indexOf("<w:moveToRangeStart"),
      xml.indexOf("<w:moveToRangeEnd", xml.indexOf("<w:moveToRangeStart")),
    );
    const nested = [
      ...range.matchAll(/<w:moveTo ([^>]*)><w:del ([^>]*)>([\s\S]*?)<\/w:del><\/w:moveTo>/g),
    ];
    expect(nested.map((m) => m[3]?.replace(/<[^>]+>/g, ""))).toEqual(["kvartalsvis "]);
    expect(nested[0]?.[1]).not.toContain("w:date");
    expect(nested[0]?.[2]).toContain('w:date="2025-04-01T00:00:00Z"');
    // And in the moved-away text, as part of the move.
    const from = xml.slice(
      xml.indexOf("<w:moveFromRangeStart"),
      xml.indexOf("<w:moveFromRangeEnd"),
    );
    expect(from).toContain("kvartalsvis");
  });
});
