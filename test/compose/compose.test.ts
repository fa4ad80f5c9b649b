import type { Nodes } from "mdast";
import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import type { ComposedDocument } from "../../src/compose/types.js";
import { buildDocument } from "../../src/document/build.js";
import { parseMarkdown } from "../../src/document/parse.js";
import { documentText, inlineText, normalizeWhitespace } from "../../src/document/text.js";
import { type Agreement, type Avsnitt, known } from "../../src/model.js";
import { copy, loadExample, loadFixture } from "./load.js";

const NBSP = "\u00a0";
let stockholm: Agreement;
let kalmar: Agreement;
let stockholm2022: Agreement;
let mini: Agreement;
beforeAll(async () => {
  stockholm = await loadExample("stockholm-brottsofferstod-2025");
  stockholm2022 = await loadExample("stockholm-brottsofferstod-2022");
  kalmar = await loadExample("kalmar-brottsofferstod-2018");
  mini = await loadFixture("compose/fixtures/mini");
});

const docs = (agreement: Agreement) => composeAgreement(agreement).documents;
const text = (doc: ComposedDocument | undefined) =>
  normalizeWhitespace(documentText(buildDocument(doc as ComposedDocument).tree));

/** Every section, depth-first. */
const flatten = (sections: Avsnitt[]): Avsnitt[] =>
  sections.flatMap((s) => [s, ...flatten(s.avsnitt ?? [])]);

/** The section with this id, at any level. */
function section(sections: Avsnitt[], id: string): Avsnitt {
  const found = flatten(sections).find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/**
 * A copy of the agreement with the section's own wording (\`lydelse\`) removed, so it renders in
 * the clause library's default wording from the same data.
 */
function defaultWording(agreement: Agreement, id: string): Agreement {
  const result = copy(agreement);
  delete section(result.data.avsnitt, id).lydelse;
  return result;
}

/** The text of parsed Markdown, by plain remark (independent of the document builder). */
function remarkText(markdown: string): string {
  const walk = (node: Nodes): string =>
    "value" in node ? node.value : "children" in node ? node.children.map(walk).join(" ") : "";
  return walk(parseMarkdown(markdown));
}

describe("composeAgreement", () => {
  it("should return the agreement and then each bilaga by number", () => {
    const result = docs(stockholm);
    expect(result.map((d) => [d.name, d.kind])).toEqual([
      ["overenskommelse", "overenskommelse"],
      ["bilaga-1", "bilaga"],
      ["bilaga-2", "bilaga"],
      ["bilaga-3", "bilaga"],
    ]);
  });

  it("should compose the example agreements without diagnostics", () => {
    for (const a of [stockholm, stockholm2022, kalmar]) {
      expect(composeAgreement(a).diagnostics).toEqual([]);
    }
  });

  it("should give the same Markdown every time", () => {
    expect(docs(stockholm).map((d) => d.markdown)).toEqual(docs(stockholm).map((d) => d.markdown));
  });

  it("should write headings without numbers, carrying the section id", () => {
    const md = docs(stockholm)[0]?.markdown ?? "";
    expect(md).toContain("\n## Bakgrund {#bakgrund}\n");
    expect(md).toContain("\n### Styrgrupp {#styrgrupp}\n");
    expect(md).not.toMatch(/^#+ \d/m);
  });

  it("should fill the document metadata from the data", () => {
    const [agreement, bilaga] = docs(stockholm);
    expect(agreement?.meta).toMatchObject({
      title: stockholm.data.titel,
      diarienummer: "2021/630",
      author: "Socialnämnden i Stockholms stad",
      language: "sv-SE",
    });
    expect(bilaga?.meta.title).toBe("Bilaga 1, Brottsofferjouren Stockholm-Gotland");
    expect(bilaga?.meta.diarienummer).toBe("2021/630");
    // A bilaga whose own diarienummer is marked saknas has none, not the agreement's.
    const unknown = copy(stockholm);
    (unknown.bilagor[0] as (typeof unknown.bilagor)[number]).data.diarienummer = { saknas: "x" };
    const [withList, withoutNumber] = docs(unknown);
    expect(withoutNumber?.meta.diarienummer).toBe("");
    expect(withList?.markdown).toContain("1. Bilaga 1, Brottsofferjouren Stockholm-Gotland.\n");
    expect(bilaga?.signing.parties.map((p) => p.id)).toEqual([
      "socialnamnden",
      "bo-stockholm-gotland",
    ]);
  });
});

describe("derived text", () => {
  it("should derive the period sentence of Stockholm 2025", () => {
    expect(text(docs(defaultWording(stockholm, "period"))[0])).toContain(
      "Partnerskapets inledande period är från den 1 april 2025 till och med den 31 december 2025. Därefter förlängs partnerskapet automatiskt med ett kalenderår i taget, dock som längst till den 31 december 2027, om inte överenskommelsen sägs upp av endera part senast den 30 september respektive år.",
    );
  });

  it("should fill the dates of Stockholm 2025's own wording of the period from the data", () => {
    // 000 §5.1 word for word ("till och med 31 december", "senaste den"); the facts are derived.
    expect(text(docs(stockholm)[0])).toContain(
      "Partnerskapets inledande period är från den 1 april 2025 till och med 31 december 2025. Därefter förlängs partnerskapet automatiskt med ett kalenderår i taget, dock som längst till 31 december 2027, om inte överenskommelsen sägs upp av endera part senaste den 30 september respektive år. Perioden för partnerskapet villkoras",
    );
    const agreement = copy(stockholm);
    const förlängning = known(agreement.data.period.förlängning);
    if (förlängning) förlängning.längst_till = "2028-12-31";
    expect(text(docs(agreement)[0])).toContain(
      "dock som längst till 31 december 2028, om inte överenskommelsen sägs upp av endera part senaste den 30 september",
    );
  });

  it("should word the period in a bilaga from the same data", () => {
    // Bilaga 1 (002) in its own words, bilaga 2 in the default wording.
    for (const doc of [docs(stockholm)[1], docs(stockholm)[2]]) {
      expect(text(doc), doc?.name).toContain(
        "Partnerskapet är ingånget med en inledande period som är från den 1 april 2025 till och med den 31 december 2025. Därefter förlängs partnerskapet automatiskt med ett kalenderår i taget, dock som längst till den 31 december 2027",
      );
    }
  });

  it("should word a period given in years with the clause's own noun", () => {
    // Kalmar's data without its own wording, the clause told to say "samverkansavtalet".
    const agreement = defaultWording(kalmar, "period");
    section(agreement.data.avsnitt, "period").parametrar = { benämning: "samverkansavtalet" };
    expect(text(docs(agreement)[0])).toContain(
      "Samverkansavtalet gäller för perioden 2018–2019 och förlängs därefter löpande med ett år i taget.",
    );
  });

  it("should fill the years of Kalmar's own wording of the period from the data", () => {
    // 004 §4 word for word ("2018 - 2019").
    expect(text(docs(kalmar)[0])).toContain(
      "Samverkansavtalet gäller för perioden 2018 - 2019 och förlängs därefter löpande med ett år i taget.",
    );
  });

  it("should derive the notice rule from months before the end", () => {
    // 004 §10 in its own words, the number of months derived.
    expect(text(docs(kalmar)[0])).toContain(
      "Båda parter kan påkalla omförhandling. Avtalet ska sägas upp 9 månader innan avtalet upphör.",
    );
    const changed = copy(kalmar);
    changed.data.period.uppsägning = { månader_före_slut: 6 };
    expect(text(docs(changed)[0])).toContain(
      "Båda parter kan påkalla omförhandling. Avtalet ska sägas upp 6 månader innan avtalet upphör.",
    );
    // The default wording, with the agreement's noun ("avtalet").
    expect(text(docs(defaultWording(kalmar, "omforhandling"))[0])).toContain(
      "Samtliga parter har rätt att säga upp sitt åtagande i partnerskapet om samverkanspart bryter sina åtaganden eller av andra skäl. Avtalet ska sägas upp 9 månader innan avtalet upphör.",
    );
  });

  it("should count four signing parties in words", () => {
    expect(text(docs(defaultWording(stockholm, "signering"))[0])).toContain(
      "Överenskommelsen har upprättats i fyra likalydande exemplar, av vilka parterna tagit var sitt original.",
    );
    // 000 §6 word for word, the number still derived.
    expect(text(docs(stockholm)[0])).toContain(
      "Överenskommelsen om partnerskapet är upprättat i fyra likalydande exemplar där varje part erhållit varsitt original.",
    );
  });

  it("should count two signers of a bilaga in words", () => {
    expect(text(docs(stockholm)[2])).toContain("Bilagan har upprättats i två likalydande exemplar");
    // Bilaga 1 (002) has no such sentence (lydelse: false), only the signatures.
    expect(text(docs(stockholm)[1])).not.toContain("likalydande");
    expect(docs(stockholm)[1]?.markdown).toContain(":::signaturer");
  });

  it("should follow the number of signing parties when it changes", () => {
    const agreement = copy(stockholm);
    const last = agreement.data.parter[3];
    if (last) last.undertecknar = false;
    expect(text(docs(agreement)[0])).toContain(
      "är upprättat i tre likalydande exemplar där varje part erhållit varsitt original.",
    );
    const fallback = defaultWording(agreement, "signering");
    expect(text(docs(fallback)[0])).toContain("har upprättats i tre likalydande exemplar");
  });

  it("should list the parties by sector with organisationsnummer, leaving out a missing one", () => {
    expect(text(docs(stockholm)[0])).toContain(
      "Idéburen sektor: Brottsofferjouren Stockholm-Gotland (organisationsnummer 802490-7720) Brottsofferjouren Södra Stockholm (organisationsnummer 802476-1044)",
    );
    expect(text(docs(kalmar)[0])).toContain(
      "Offentlig sektor: Kalmar socialförvaltning, Box 834, 391 28 KALMAR",
    );
  });

  it("should list the bilagor from the bilaga files", () => {
    const md = docs(stockholm2022)[0]?.markdown ?? "";
    expect(md).toContain("1. Bilaga 1, Brottsofferjouren Stockholm-Gotland, dnr 2.3.4-98/2022.\n");
    expect(md).toContain("4. Bilaga 4, Socialnämndens verksamheter, dnr 2.3.4-101/2022.\n");
  });

  it("should write amounts with non-breaking spaces and a bold computed total", () => {
    const md = docs(stockholm)[1]?.markdown ?? "";
    expect(md).toContain(`| Personal | 650${NBSP}000${NBSP}kr |`);
    expect(md).toContain(`| **Summa** | **830${NBSP}000${NBSP}kr** |`);
    expect(md).toContain("| :-- | --: |");
  });

  it("should print the total computed from the rows, not a declared summa", () => {
    const agreement = copy(mini);
    const budget = agreement.bilagor[0]?.data.ekonomi?.ersättning;
    if (budget) budget.summa = 1;
    expect(docs(agreement)[1]?.markdown).toContain(`**704${NBSP}000${NBSP}kr**`);
  });

  it("should mark approximate and missing amounts", () => {
    const [agreement, bilaga] = docs(mini);
    expect(agreement?.markdown).toContain(`| Bidrag | ca 40${NBSP}000${NBSP}kr |`);
    expect(agreement?.markdown).toContain(`| **Summa** | **ca 41${NBSP}500${NBSP}kr** |`);
    expect(bilaga?.markdown).toContain("| Medlemsavgifter | uppgift saknas |");
    expect(bilaga?.markdown).toContain("| **Summa** | **uppgift saknas** |");
  });

  it("should derive the compensation formula sentence", () => {
    // 004 §7 names no area ("för Kalmar kommun") and no year or number of inhabitants.
    expect(text(docs(kalmar)[0])).toContain(
      "Kalmar socialförvaltnings insats: 3 kr per kommuninvånare. Beräkning utgår från Statistiska centralbyråns (SCB) befolkningsstatistik.",
    );
    expect(text(docs(mini)[0])).toContain(
      `SCB:s befolkningsstatistik år 2024 (70${NBSP}000 invånare, sammanlagt 210${NBSP}000${NBSP}kr)`.replaceAll(
        NBSP,
        " ",
      ),
    );
    const agreement = copy(mini);
    const formel = agreement.data.ekonomi?.find((e) => e.ersättning?.formel)?.ersättning?.formel;
    if (formel) formel.befolkning.område = "Teststad";
    expect(text(docs(agreement)[0])).toContain(
      "Beräkning utgår från SCB:s befolkningsstatistik för Teststad år 2024",
    );
  });

  it("should write signature blocks as directives with the signatory's data", () => {
    const md = docs(stockholm)[0]?.markdown ?? "";
    expect(md).toContain(
      '::signatur{namn="Veronica Carstorp Wolgast" titel="socialdirektör" ort="Stockholm" år="2025" part="socialnamnden"}',
    );
    expect(docs(kalmar)[0]?.markdown).toContain('::signatur{part="kalmar-socialforvaltning"}');
  });
});

describe("escaping", () => {
  const NAME = "Föreningen *Stjärnan* #1 <Syd> {{x}} _a_ [b] `c` & d | e ~f~ :part[namnden]";

  it("should keep a party name with Markdown characters literal in every document tree", () => {
    for (const doc of docs(mini)) {
      const built = buildDocument(doc);
      expect(built.diagnostics).toEqual([]);
      expect(documentText(built.tree), doc.name).toContain(NAME);
    }
  });

  it("should keep the name literal when the Markdown is rendered by remark", () => {
    for (const doc of docs(mini)) expect(remarkText(doc.markdown), doc.name).toContain(NAME);
  });

  it("should keep the name literal in headings, lists and table rows", () => {
    const tree = buildDocument(docs(mini)[1] as ComposedDocument).tree;
    const heading = tree.children.find((b) => b.type === "heading" && b.id === "part");
    expect(heading?.type === "heading" && inlineText(heading.children)).toBe(NAME);
    const table = tree.children.find((b) => b.type === "table");
    expect(table?.type === "table" && inlineText(table.rows[1]?.[0] ?? [])).toBe(
      "Lokaler | el (inklusive el)",
    );
    expect(tree.meta.title).toBe(`Bilaga 1, ${NAME}`);
  });

  it("should keep quotes in a signatory's name", () => {
    const tree = buildDocument(docs(mini)[0] as ComposedDocument).tree;
    const signatures = tree.children.find((b) => b.type === "signatures");
    expect(signatures?.type === "signatures" && signatures.blocks[1]?.name).toBe('Bo "Bosse" Berg');
  });
});
