/**
 * Unnumbered sections in the diff: a section that loses or gains its number is not a change, nor
 * is a reference that changed form because of it; an unnumbered section is named without a
 * number in the summary and the formats.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acceptAll, rejectAll } from "../../src/diff/accept.js";
import { renderDocxDiff, renderHtmlDiff, renderJson, renderText } from "../../src/diff/index.js";
import { redlineDocument } from "../../src/diff/redline.js";
import { sectionChanges } from "../../src/diff/summary/sections.js";
import { h, p, treeOf } from "../helpers/trees.js";
import {
  AGREEMENTS,
  compare,
  copyAgreement,
  documentXml,
  edit,
  elements,
  normalize,
  parseXml,
  V2022,
  V2025,
} from "./helpers.js";

const KALMAR = join(AGREEMENTS, "kalmar-brottsofferstod-2018");

const numbered = () =>
  treeOf([
    h(1, "1", "Syfte", "syfte"),
    p("Syftet är att ge stöd."),
    h(1, "2", "Bilagor", "bilagor"),
    p("Bilaga 1, Brottsofferjouren."),
    h(2, "2.1", "Förteckning", "forteckning"),
    p("Förteckningen."),
    h(1, "3", "Signering", "signering"),
    p("Se 2.1 och 3."),
  ]);
const unnumbered = () =>
  treeOf([
    h(1, "1", "Syfte", "syfte"),
    p("Syftet är att ge stöd."),
    h(1, "", "Bilagor", "bilagor"),
    p("Bilaga 1, Brottsofferjouren."),
    h(2, "", "Förteckning", "forteckning"),
    p("Förteckningen."),
    h(1, "2", "Signering", "signering"),
    p("Se avsnittet ”Förteckning” och 2."),
  ]);

describe("diff of unnumbered sections", () => {
  it("should not count a section losing its number, nor the references that follow, as a change", () => {
    const redline = redlineDocument(numbered(), unnumbered());
    expect(redline.sections.map((s) => [s.heading, s.status, s.oldNumber, s.newNumber])).toEqual([
      ["Syfte", "unchanged", "1", "1"],
      ["Bilagor", "unchanged", "2", undefined],
      ["Förteckning", "unchanged", "2.1", undefined],
      ["Signering", "unchanged", "3", "2"],
    ]);
    expect(redline.status).toBe("unchanged");
    expect(sectionChanges([redline], new Map())).toEqual([]);
    // The reference's text did change: it is marked, so accepting gives the new text.
    expect(JSON.stringify(redline.tree)).toContain('"change"');
    expect(normalize(acceptAll(redline.tree))).toEqual(normalize(unnumbered()));
  });

  it("should count the same the other way round, when a section gains its number", () => {
    const redline = redlineDocument(unnumbered(), numbered());
    expect(redline.sections.every((s) => s.status === "unchanged")).toBe(true);
  });

  it("should still report a real change next to the reference", () => {
    const changed = unnumbered();
    changed.children[7] = p("Se avsnittet ”Förteckning” och 2 noga.");
    const redline = redlineDocument(numbered(), changed);
    expect(redline.sections.find((s) => s.heading === "Signering")?.status).toBe("changed");
  });

  it("should name an added or removed unnumbered section without a number", () => {
    const without = treeOf([h(1, "1", "Syfte", "syfte"), p("Syftet."), h(1, "2", "Signering")]);
    const withBilagor = treeOf([
      h(1, "1", "Syfte", "syfte"),
      p("Syftet."),
      h(1, "", "Bilagor", "bilagor"),
      p("Bilaga 1."),
      h(1, "2", "Signering"),
    ]);
    const added = sectionChanges([redlineDocument(without, withBilagor)], new Map());
    expect(added.map((i) => i.text)).toEqual(["Avsnitt tillagt: Bilagor"]);
    expect(added[0]?.new).toEqual({ nummer: null, rubrik: "Bilagor" });
    const removed = sectionChanges([redlineDocument(withBilagor, without)], new Map());
    expect(removed.map((i) => i.text)).toEqual(["Avsnitt borttaget: Bilagor"]);
    expect(removed[0]?.old).toEqual({ nummer: null, rubrik: "Bilagor" });
  });
});

describe("diff of the examples' unnumbered sections", () => {
  it("should report Stockholm's Bilagor, unnumbered since 2025, without a number or a renumbering", async () => {
    const diff = await compare(V2022, V2025);
    const texts = diff.summary.map((i) => i.text);
    expect(texts.filter((t) => /Bilagor|Signering/.test(t))).toEqual([]);
    const doc = diff.documents.find((d) => d.name === "overenskommelse");
    const bilagor = doc?.sections.find((s) => s.id === "bilagor");
    expect(bilagor).toMatchObject({ oldNumber: "7" });
    expect(bilagor?.newNumber).toBeUndefined();
    const signering = doc?.sections.find((s) => s.id === "signering");
    expect([signering?.oldNumber, signering?.newNumber]).toEqual(["8", "6"]);
    const text = renderText(diff);
    expect(text).toContain("\n  § Bilagor\n");
    expect(text).not.toMatch(/§ \d+ Bilagor/);
    const json = JSON.parse(renderJson(diff));
    const section = json.documents[0].sections.find((s: { id?: string }) => s.id === "bilagor");
    expect(section.newNumber).toBeUndefined();
  });

  it("should give Bilagor no number in the Word redline either", async () => {
    const xml = parseXml(documentXml(await renderDocxDiff(await compare(V2022, V2025))));
    const text = (el: Element) =>
      elements(el, "w:t")
        .map((t) => t.textContent)
        .join("");
    const bilagor = elements(xml, "w:p").filter((para) => text(para).endsWith("Bilagor"));
    expect(bilagor.map(text)).toEqual(["Bilagor"]);
    const numId = elements(bilagor[0] as Element, "w:numId")[0]?.getAttribute("w:val");
    expect(numId).toBe("0");
  });

  it("should show a changed unnumbered section by its heading alone, in text and HTML", async () => {
    const dir = copyAgreement(KALMAR);
    edit(
      dir,
      "overenskommelse.yaml",
      "text: Verksamheten ska vara icke vinstdrivande",
      "text: Verksamheten ska alltid vara icke vinstdrivande",
    );
    // The preamble, which has no heading, changes too.
    edit(dir, "overenskommelse.yaml", "IOP har ingåtts mellan", "IOP har slutits mellan");
    const diff = await compare(KALMAR, dir);
    expect(diff.summary.filter((i) => i.kind.startsWith("avsnitt"))).toEqual([]);
    const text = renderText(diff);
    expect(text).toContain("\n  § Allmänna krav\n");
    expect(text).toContain("\n  § (inledning)\n");
    expect(text).toContain("{+alltid +}");
    expect(text).toContain("[-ingåtts-]{+slutits+}");
    const html = renderHtmlDiff(diff);
    expect(html).toContain('<h2 id="overenskommelse-allmanna-krav">Allmänna krav</h2>');
  });

  it("should not report the renumbering when Kalmar's opening loses its heading and number", async () => {
    const dir = copyAgreement(KALMAR);
    edit(dir, "overenskommelse.yaml", "    utan_rubrik: true\n", "");
    edit(dir, "overenskommelse.yaml", "    numrerad: false\n", "");
    const diff = await compare(dir, KALMAR);
    // Parter lost its heading: its text is now the opening, the heading itself is the change.
    expect(diff.summary.map((i) => i.text)).toEqual(["Avsnitt står nu utan rubrik: Parter (1)"]);
    const doc = diff.documents[0];
    const syfte = doc?.sections.find((s) => s.id === "syfte");
    expect([syfte?.status, syfte?.oldNumber, syfte?.newNumber]).toEqual(["unchanged", "3", "1"]);
    const krav = doc?.sections.find((s) => s.id === "allmanna-krav");
    expect([krav?.status, krav?.oldNumber, krav?.newNumber]).toEqual(["unchanged", "2", undefined]);
    const opening = doc?.sections[0];
    expect(opening?.blocks[0]).toMatchObject({ type: "heading", change: "del", number: "1" });
    expect(renderText(diff)).toContain(
      "\n  § (inledning) (tidigare rubrik: Parter)\n    [-1 -][-Parter-]\n",
    );
    // Rejecting every change gives the old version's heading back, accepting drops it.
    if (!doc) throw new Error("no agreement redline");
    expect(rejectAll(doc.tree).children[0]).toMatchObject({ type: "heading" });
    expect(acceptAll(doc.tree).children[0]).toMatchObject({ type: "paragraph" });
  });
});
