/**
 * The skeleton of a new agreement (`iop new`): every section an IOP should have, clauses from the
 * library with their default wording, every fact to supply marked `saknas`, and one bilaga per
 * idéburen party. Written with the yaml Document API, with Swedish comments that guide the jurist.
 */
import { Document } from "yaml";
import {
  commentItem,
  commentKey,
  houseStyle,
  LINE_WIDTH,
  schemaLine,
  spaceBefore,
} from "./yaml.js";

export interface PartyInput {
  namn: string;
  organisationsnummer?: string;
}

export interface SkeletonInput {
  /** The agreement's id: the name of its folder. */
  id: string;
  /** The folder the files are written to (for the `$schema` lines). */
  dir: string;
  kommun: PartyInput;
  /** The idéburna parties, each of which gets a bilaga. */
  parter: PartyInput[];
  period: { start: string; slut: string };
  /** Whether the period was given (else it is a proposal that the comment asks to confirm). */
  periodGiven: boolean;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

const saknas = (reason: string) => ({ saknas: reason });

/** An ASCII slug for an id: "Brottsofferjouren Södra Stockholm" → "brottsofferjouren-sodra-stockholm". */
export function slug(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(ascii) ? ascii : `part-${ascii || "1"}`;
}

/** Unique ids for the parties, in order: a repeated slug gets -2, -3 … */
function ids(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = slug(n);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

const orgnr = (p: PartyInput) =>
  p.organisationsnummer ?? saknas("Organisationsnumret är inte ifyllt");

const joinNames = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;

/** The skeleton's files: overenskommelse.yaml and bilaga-1.yaml … bilaga-N.yaml. */
export function skeleton(input: SkeletonInput): GeneratedFile[] {
  const [offentligId, ...idéburnaIds] = ids([
    input.kommun.namn,
    ...input.parter.map((p) => p.namn),
  ]) as [string, ...string[]];
  const idéburna = input.parter.map((p, i) => ({ ...p, id: idéburnaIds[i] as string }));
  const data = {
    id: input.id,
    titel: `Överenskommelse om idéburet offentligt partnerskap (IOP) mellan ${joinNames([
      input.kommun.namn,
      ...input.parter.map((p) => p.namn),
    ])}`,
    diarienummer: saknas("Diarienumret är inte tilldelat"),
    kommun: input.kommun.namn,
    status: "utkast",
    versionsdatum: saknas("Datum för denna version är inte bestämt"),
    signering: {
      sätt: saknas("Bestäm om överenskommelsen undertecknas på papper eller elektroniskt"),
    },
    parter: [
      {
        id: offentligId,
        namn: input.kommun.namn,
        sektor: "offentlig",
        organisationsnummer: orgnr(input.kommun),
        undertecknare: saknas("Undertecknare är inte utsedd"),
      },
      ...idéburna.map((p) => ({
        id: p.id,
        namn: p.namn,
        sektor: "idéburen",
        organisationsnummer: orgnr(p),
        beskrivning: saknas("Beskrivningen av organisationen är inte skriven"),
        undertecknare: saknas("Undertecknare är inte utsedd"),
      })),
    ],
    period: {
      start: input.period.start,
      inledande_slut: input.period.slut,
      förlängning: saknas("Det är inte bestämt om och hur perioden förlängs"),
      uppsägning: saknas("Uppsägningstiden är inte bestämd"),
    },
    bakgrund: saknas("Bakgrunden är inte skriven"),
    syfte: saknas("Syftet är inte formulerat"),
    mål: saknas("Målen är inte formulerade"),
    målgrupp: saknas("Målgruppen är inte beskriven"),
    värdegrund: saknas("Värdegrunden är inte formulerad"),
    styrning: [
      {
        id: "styrgrupp",
        typ: "styrgrupp",
        namn: "styrgruppen",
        mandat:
          "Styrgruppen beslutar om strategiska frågor för partnerskapet, till exempel förändringar i partnerskapets inriktning och omfattning.",
        sammansättning:
          "Varje part utser en företrädare med mandat att fatta beslut i frågor som gäller partnerskapet.",
      },
    ],
    gemensamma_åtaganden: saknas("Parternas gemensamma åtaganden är inte formulerade"),
    uppföljning: {
      syfte: "Uppföljningen ska visa om partnerskapets syfte och mål uppnås.",
      rapportering: [
        {
          av: idéburna.map((p) => p.id),
          när: saknas("Det är inte bestämt när rapporten lämnas"),
          text: "De idéburna parterna lämnar varje år en verksamhetsrapport och en ekonomisk redovisning av hur medlen inom partnerskapet har använts.",
        },
      ],
      klagomål: saknas("Det är inte beskrivet hur stödsökande lämnar synpunkter och klagomål"),
    },
    finansiering: { tak: { belopp: saknas("Partnerskapets samlade ersättning är inte bestämd") } },
    avsnitt: [
      { id: "bakgrund", klausul: "bakgrund" },
      { id: "parter", klausul: "parter" },
      { id: "vardegrund", rubrik: "Utgångspunkt och värdegrund", klausul: "vardegrund" },
      { id: "syfte-och-mal", klausul: "syfte-och-mal" },
      { id: "malgrupp", klausul: "malgrupp" },
      {
        id: "organisation",
        rubrik: "Partnerskapets organisation",
        avsnitt: [{ id: "styrgrupp", klausul: "organ", parametrar: { organ: "styrgrupp" } }],
      },
      {
        id: "ataganden",
        rubrik: "Åtaganden",
        klausul: "gemensamma-ataganden",
        text: "Varje idéburen parts särskilda åtaganden framgår av dess bilaga (se avsnitt :avsnitt[bilagor]).",
      },
      {
        id: "uppfoljning",
        klausul: "uppfoljning",
        avsnitt: [{ id: "klagomal", klausul: "klagomal" }],
      },
      { id: "ekonomi", rubrik: "Ekonomi", klausul: "finansiering" },
      {
        id: "period-och-uppsagning",
        rubrik: "Period och uppsägning",
        avsnitt: [
          { id: "period", klausul: "period" },
          { id: "uppsagning", klausul: "uppsagning", parametrar: { forum: "styrgrupp" } },
        ],
      },
      { id: "andringar", klausul: "andringar", parametrar: { forum: "styrgrupp" } },
      {
        id: "brister-och-aterkrav",
        rubrik: "Brister och återkrav",
        avsnitt: [
          { id: "brister", klausul: "brister", parametrar: { forum: "styrgrupp" } },
          { id: "aterkrav", klausul: "aterkrav" },
        ],
      },
      { id: "oenighet", klausul: "oenighet", parametrar: { forum: "styrgrupp" } },
      { id: "bilagor", klausul: "bilagor" },
      { id: "signering", klausul: "signering" },
    ],
  };
  const doc = new Document(data);
  doc.commentBefore = `${schemaLine(input.dir, "overenskommelse.schema.json")}
 Skapad med iop new. Varje uppgift som ska fyllas i är markerad { saknas: "…" }: ersätt den med
 uppgiften. iop check visar var de finns (en varning per uppgift), iop build skriver dokumenten.`;
  commentKey(
    doc,
    ["status"],
    "Utkast tills överenskommelsen är beslutad (beslutad, sedan undertecknad).",
  );
  commentItem(
    doc,
    ["parter", 0],
    'Den offentliga parten: ändra namnet till den nämnd som ingår överenskommelsen, t.ex.\n"Socialnämnden i …", och lägg gärna till förvaltning: (t.ex. socialförvaltningen).',
  );
  commentKey(
    doc,
    ["period"],
    input.periodGiven
      ? 'Perioden: start och inledande_slut som datum (ÅÅÅÅ-MM-DD), månad (ÅÅÅÅ-MM) eller år.\nFörlängning, t.ex. { enhet: kalenderår, längst_till: "2028-12-31" }.\nUppsägning, t.ex. { senast: "09-30", träder_i_kraft: "01-01" } eller { månader_före_slut: 9 }.'
      : 'BEKRÄFTA PERIODEN: datumen är ett förslag (nästa kalenderår), inte en uppgift.\nFörlängning, t.ex. { enhet: kalenderår, längst_till: "2028-12-31" }.\nUppsägning, t.ex. { senast: "09-30", träder_i_kraft: "01-01" } eller { månader_före_slut: 9 }.',
  );
  commentKey(
    doc,
    ["styrning"],
    "Styrgruppens mandat och sammansättning är förslag i bibliotekets ordalydelse: ändra dem\nså att de stämmer med er överenskommelse. Fler organ (t.ex. en samverkansgrupp) läggs till här.",
  );
  commentKey(
    doc,
    ["uppföljning", "rapportering"],
    'Anger överenskommelsen en sista dag för rapporten varje år, skriv den som senast: "03-31"\n(den visas då i iop calendar).',
  );
  commentKey(
    doc,
    ["avsnitt"],
    "Avsnitten i ordning. klausul: hämtar texten ur klausulbiblioteket (templates/klausuler),\nrubrik: och text: ger egna rubriker och stycken. Numren räknas fram, skriv dem aldrig.",
  );
  houseStyle(doc);
  spaceBefore(doc, ["parter", "period", "bakgrund", "styrning", "avsnitt"]);
  const files: GeneratedFile[] = [
    { name: "overenskommelse.yaml", text: doc.toString({ lineWidth: LINE_WIDTH }) },
  ];
  for (const [i, p] of idéburna.entries())
    files.push({ name: `bilaga-${i + 1}.yaml`, text: bilaga(input, i + 1, p.id) });
  return files;
}

function bilaga(input: SkeletonInput, nummer: number, part: string): string {
  const doc = new Document({
    nummer,
    part,
    åtaganden: saknas("Partens åtaganden är inte formulerade"),
    ekonomi: {
      ersättning: {
        månader: 12,
        rader: [{ post: "Personal", belopp: saknas("Beloppet är inte bestämt") }],
      },
      egen_insats: {
        poster: [
          {
            slag: "ideellt arbete",
            beskrivning: "volontärers och styrelsens arbete i verksamheten",
            timmar: saknas("Antalet ideella timmar är inte uppskattat"),
          },
        ],
      },
    },
    avsnitt: [
      { id: "inledning", klausul: "bilaga-inledning" },
      { id: "part", klausul: "bilaga-part" },
      { id: "ataganden", klausul: "bilaga-ataganden" },
      { id: "ersattning", klausul: "ersattning" },
      { id: "egen-insats", klausul: "egen-insats" },
      { id: "andringslogg", klausul: "andringslogg" },
      { id: "underskrift", klausul: "signering" },
    ],
  });
  doc.commentBefore = `${schemaLine(input.dir, "bilaga.schema.json")}
 Bilaga ${nummer}: partens särskilda åtaganden och ekonomi. Ersätt varje { saknas: "…" } med uppgiften.`;
  commentKey(
    doc,
    ["åtaganden"],
    'Åtagandena, t.ex.\n  inledning: "Föreningen ska:"\n  punkter:\n    - Stödsamtal via telefon och personliga möten.',
  );
  commentKey(
    doc,
    ["ekonomi", "ersättning"],
    "Den offentliga partens ersättning: en rad per post (belopp i hela kronor). Summan räknas fram.",
  );
  commentKey(
    doc,
    ["ekonomi", "egen_insats"],
    "Partens egen insats (ideellt arbete, lokaler, andra medel): utan den riskerar en IOP att vara en upphandling.",
  );
  houseStyle(doc);
  spaceBefore(doc, ["åtaganden", "avsnitt"]);
  return doc.toString({ lineWidth: LINE_WIDTH });
}
