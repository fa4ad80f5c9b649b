/**
 * The facts of the seed documents (../shared/seeds, which tests must not read), written out by
 * hand so the example agreements in agreements/ can be checked against them. Every fact names the
 * seed and section it comes from: 000 = Stockholm 2025 agreement, 002 = Stockholm 2025 bilaga for
 * Brottsofferjouren Stockholm-Gotland (OCR'd), 003 = Stockholm 2022 decision memo,
 * 004 = Kalmar 2018 samverkansavtal.
 */
import type { Avsnitt, Bilaga, Organ, Overenskommelse, Part } from "../../src/model.js";

/** Marks a fact the sources do not give: the data must hold `{ saknas: "…" }` there. */
export const SAKNAS: unique symbol = Symbol("saknas");
export type Fact<T> = T | typeof SAKNAS;

export interface PartyFact {
  id: Part["id"];
  namn: Part["namn"];
  sektor: Part["sektor"];
  organisationsnummer: Fact<string>;
  undertecknare: { namn: Fact<string>; titel: Fact<string> };
  adress?: NonNullable<Part["adress"]>;
}

export interface BudgetRowFact {
  post: string;
  belopp: Fact<number>;
  ungefärligt?: boolean;
  anmärkning?: string;
}

export interface BudgetFact {
  rader: BudgetRowFact[];
  /** The total the source declares (and the rows add up to), or SAKNAS when a row is missing. */
  summa: Fact<number>;
}

export interface QualityTargetFact {
  text: string;
  mått?: { värde: number; enhet: string };
}

export interface BilagaFact {
  nummer: Bilaga["nummer"];
  part: Bilaga["part"];
  /** The bilaga's own diarienummer, or the agreement's when the bilaga gives none. */
  diarienummer: string;
  titel?: string;
  /** The goals in the bilaga's own words, where it does not repeat the agreement's. */
  mål_punkter?: string[];
  åtaganden: { antal: number; innehåller: string[] };
  villkor?: string;
  kvalitetsmål: QualityTargetFact[];
  övriga_åtaganden: number;
  ersättning?: BudgetFact;
  egenfinansiering?: BudgetFact;
}

export interface BodyFact {
  id: Organ["id"];
  typ: Organ["typ"];
  namn: Organ["namn"];
  möten_per_år?: number;
  uppgifter: number;
}

export interface ReportingFact {
  av: string[];
  när: Fact<string>;
  statistik_uppdelad_på: ("kön" | "ålder")[];
}

/** Section outline: an id, or an id with its subsections. */
export type Outline = readonly (string | readonly [string, Outline])[];

export interface AgreementFact {
  dir: string;
  diarienummer: Fact<string>;
  kommun: string;
  status: Overenskommelse["status"];
  benämning?: Overenskommelse["benämning"];
  beslut?: { organ: string; datum: Fact<string> };
  signering: Overenskommelse["signering"];
  parter: PartyFact[];
  period: Overenskommelse["period"];
  mål: string[];
  styrning: BodyFact[];
  rapportering: ReportingFact[];
  klagomål?: string;
  bilagor: BilagaFact[];
  outline: Outline;
  /** Clauses a section uses, by section id, where the seed's structure depends on them. */
  klausuler: Record<string, NonNullable<Avsnitt["klausul"]>>;
  /**
   * Every place the data marks a fact missing, as a readable path: array items are named by their
   * `id` or `post` in brackets; bilagor are prefixed `bilaga-N:`.
   */
  saknas: string[];
}

// ---------------------------------------------------------------------------------------------
// Stockholm: parties of both editions.

/** 000 §2 (names per the one-name rule), 000 §6 (signatories), 003 Parter (organisationsnummer). */
const STOCKHOLM_PARTIES_2025: PartyFact[] = [
  {
    id: "socialnamnden",
    namn: "Socialnämnden i Stockholms stad", // 000 §6 "För socialnämnden i Stockholms stad"
    sektor: "offentlig",
    organisationsnummer: "212000-0142", // 000 §2, 003 Parter
    undertecknare: { namn: "Veronica Carstorp Wolgast", titel: "socialdirektör" }, // 000 §6
  },
  {
    id: "bo-stockholm-gotland",
    namn: "Brottsofferjouren Stockholm-Gotland",
    sektor: "idéburen",
    organisationsnummer: "802490-7720", // 000 §2, 002 §2
    undertecknare: { namn: "Cecilia Ekstrand", titel: "ordförande" }, // 000 §6
  },
  {
    id: "bo-sodra-stockholm",
    namn: "Brottsofferjouren Södra Stockholm",
    sektor: "idéburen",
    organisationsnummer: "802476-1044", // 000 §2
    undertecknare: { namn: "Vera Rehnfeldt", titel: "ordförande" }, // 000 §6
  },
  {
    id: "bo-vasterort",
    namn: "Brottsofferjouren Västerort",
    sektor: "idéburen",
    organisationsnummer: "802015-4822", // 000 §2
    undertecknare: { namn: "Elena Grgic", titel: "ordförande" }, // 000 §6
  },
];

/** 003 Parter: the same bodies; the memo names no signatories. */
const STOCKHOLM_PARTIES_2022: PartyFact[] = STOCKHOLM_PARTIES_2025.map((p) => ({
  ...p,
  undertecknare: { namn: SAKNAS, titel: SAKNAS },
}));

const JOURER = ["bo-stockholm-gotland", "bo-sodra-stockholm", "bo-vasterort"];

/** 003 Åtaganden: key commitments, identical for the three jourer. */
const JOUR_COMMITMENTS = [
  "Stödsamtal via telefon och personliga möten. Även stödkontakter via e-post, sms och sociala medier.",
  "Information om rättsprocessen.",
  "Medföljning vid anmälan, förhör och rättegång.",
  "Hjälp att begära ett adekvat målsägandebiträde.",
  "Information om och hjälp att söka ekonomisk ersättning.",
];

/** 002 §3: the same commitments in the bilaga's own words ("målsägarbiträde", no full stop). */
const JOUR_COMMITMENTS_002 = [
  "Stödsamtal via telefon och personliga möten. Även stödkontakter via e-post, sms och sociala medier.",
  "Information om rättsprocessen.",
  "Medföljning vid anmälan, förhör och rättegång.",
  "Hjälp att begära ett adekvat målsägarbiträde.",
  "Information om och hjälp att söka ekonomisk ersättning.",
  "Hjälp vid myndighetskontakter",
];

/** 002 §3 and 003 Åtaganden: the quality targets, one per point. */
const JOUR_QUALITY_TARGETS: QualityTargetFact[] = [
  {
    text: "Första kontakten ska tas inom tre dagar efter att de mottagit ärendet.",
    mått: { värde: 3, enhet: "dagar" },
  },
  {
    text: "Försöka nå alla stödsökande per telefon minst tre gånger, varav minst ett tillfälle ska vara på kvällstid.",
    mått: { värde: 3, enhet: "försök" },
  },
  { text: "Möjlighet till personligt möte ska finnas och erbjudas." },
  {
    text: "Tillsammans med de andra brottsofferjourerna ha öppet en kväll i veckan.",
    mått: { värde: 1, enhet: "kväll i veckan" },
  },
];

/**
 * 002 §3: the commitments of a 2025 jour bilaga. Only bilaga 1 has a source (002); the other two
 * keep the commitments common to the jourer (003).
 */
const jourBilaga2025 = (
  nummer: number,
  part: string,
  budgets: Pick<BilagaFact, "ersättning" | "egenfinansiering">,
  own: Pick<BilagaFact, "mål_punkter"> & { åtaganden?: string[] } = {},
): BilagaFact => ({
  nummer,
  part,
  diarienummer: "2021/630", // 000 Bilagor: "dnr 2021/630" for each
  ...(own.mål_punkter ? { mål_punkter: own.mål_punkter } : {}),
  åtaganden: { antal: 7, innehåller: own.åtaganden ?? JOUR_COMMITMENTS },
  villkor:
    "Allt stöd ska vara kostnadsfritt, stödsökande kan vara anonym och brottet behöver inte vara polisanmält. Kontakten med brottsofferjouren kan pågå så länge båda parter anser att det finns behov.",
  kvalitetsmål: JOUR_QUALITY_TARGETS,
  övriga_åtaganden: 3,
  ...budgets,
});

/** 2025 amounts for Västerort and Södra Stockholm are in no source. */
const MISSING_BUDGETS: Pick<BilagaFact, "ersättning" | "egenfinansiering"> = {
  ersättning: { rader: [{ post: "Ersättning", belopp: SAKNAS }], summa: SAKNAS },
  egenfinansiering: { rader: [{ post: "Egenfinansiering", belopp: SAKNAS }], summa: SAKNAS },
};

export const STOCKHOLM_2025: AgreementFact = {
  dir: "stockholm-brottsofferstod-2025",
  diarienummer: "2021/630", // 000 Bilagor
  kommun: "Stockholms stad",
  status: "beslutad", // a signing copy awaiting signatures
  beslut: { organ: "Socialnämnden i Stockholms stad", datum: SAKNAS }, // 000 §3
  signering: { sätt: "papper", ort: "Stockholm", år: 2025 }, // 000 §6 "Stockholm den / 2025"
  parter: STOCKHOLM_PARTIES_2025,
  // 000 §5.1 and §5.3
  period: {
    start: "2025-04-01",
    inledande_slut: "2025-12-31",
    förlängning: { enhet: "kalenderår", längst_till: "2027-12-31" },
    uppsägning: { senast: "09-30", träder_i_kraft: "01-01" },
    villkor:
      "Perioden för partnerskapet villkoras förutsatt att det finns medel inom ramen för överenskommelsen och att förutsättningarna för ett partnerskap kvarstår.",
  },
  // 000 §2.4
  mål: [
    "Brottsofferjourerna ska erbjuda och utföra brottsofferstöd till alla brottsutsatta i Stockholms stad som önskat kontakt med jourerna.",
    "Öka samverkan och informationsutbyte mellan staden och brottsofferjourerna för att gemensamt verka för att fler brottsutsatta erhåller stöd av god kvalitet. Det innebär bland annat att länka vidare målgruppen när så är aktuellt. Brottsofferjourerna till Stödcentrum om en person är under 21 år, Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
  ],
  // 000 §3.1 (six tasks) and §3.4 "Samverkansgruppen" (five tasks)
  styrning: [
    { id: "styrgrupp", typ: "styrgrupp", namn: "styrgruppen", uppgifter: 6 },
    { id: "samverkansgrupp", typ: "samverkansgrupp", namn: "samverkansgruppen", uppgifter: 5 },
  ],
  // 000 §4: yearly activity reports with statistics by gender, and a financial report
  rapportering: [
    { av: JOURER, när: "årligen efter avslutat verksamhetsår", statistik_uppdelad_på: ["kön"] },
    { av: JOURER, när: "efter avslutat verksamhetsår", statistik_uppdelad_på: [] },
  ],
  // 000 §4.2
  klagomål:
    "I brottsofferjourernas verksamhet ska alla stödsökande ha möjlighet att lämna klagomål och synpunkter.",
  // 000 Bilagor: 1 Stockholm-Gotland, 2 Västerort, 3 Södra Stockholm
  bilagor: [
    jourBilaga2025(
      1,
      "bo-stockholm-gotland",
      {
        // 002 §5
        ersättning: {
          rader: [
            { post: "Personal", belopp: 650_000 },
            { post: "Konsulter", belopp: 5_000 },
            { post: "Lokaler", belopp: 54_000 },
            { post: "Aktiviteter", belopp: 6_000 },
            { post: "Förbrukningsmaterial", belopp: 5_000 },
            { post: "Övrigt", belopp: 110_000 },
          ],
          summa: 830_000,
        },
        // 002 §6
        egenfinansiering: {
          rader: [
            { post: "Verksamhetsstöd från Brottsoffermyndigheten", belopp: 15_000 },
            { post: "Medlemsavgifter", belopp: 1_500 },
            {
              post: "Projektmedel från Brottsoffermyndigheten",
              belopp: 30_000,
              anmärkning: "öronmärkta",
            },
          ],
          summa: 46_500,
        },
      },
      {
        // 002 §3: the goals of 000 §2.4 in the bilaga's own words ("brottutsatta", "kvalité", no
        // full stop after the first).
        mål_punkter: [
          "Brottsofferjourerna ska erbjuda och utföra brottsofferstöd till alla brottutsatta i Stockholms stad som önskat kontakt med jourerna",
          "Öka samverkan och informationsutbyte mellan staden och brottsofferjourerna för att gemensamt verka för att fler brottsutsatta erhåller stöd av god kvalité. Det innebär att bland annat länka vidare målgruppen när så är aktuellt. Brottsofferjourerna till Stödcentrum om en person är under 21 år, Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
        ],
        åtaganden: JOUR_COMMITMENTS_002,
      },
    ),
    jourBilaga2025(2, "bo-vasterort", MISSING_BUDGETS),
    jourBilaga2025(3, "bo-sodra-stockholm", MISSING_BUDGETS),
  ],
  // 000: 1 with 1.1; 2 with 2.1–2.7; 3 with 3.1 and "3.4"; 4 with "4.2"; 5 with 5.1–5.9 (5.4
  // twice); Bilagor; 6 Signering.
  outline: [
    ["bakgrund", ["fornyad-overenskommelse"]],
    [
      "parter",
      [
        "utgangspunkt",
        "socialnamndens-uppdrag",
        "brottsofferjourernas-uppdrag",
        "syfte-och-mal",
        "malgrupp",
        "vardegrund",
        "informationsspridning",
      ],
    ],
    ["struktur", ["styrgrupp", "samverkansgrupp"]],
    ["uppfoljning", ["klagomal"]],
    [
      "villkor",
      [
        "period",
        "ekonomisk-ersattning",
        "uppsagning",
        "brister",
        "aterkrav",
        "sekretess",
        "andringar",
        "informationsskyldighet",
        "oenighet",
        "forsakring",
      ],
    ],
    "bilagor",
    "signering",
  ],
  klausuler: {
    bakgrund: "bakgrund",
    parter: "parter",
    "syfte-och-mal": "syfte-och-mal",
    malgrupp: "malgrupp",
    vardegrund: "vardegrund",
    styrgrupp: "organ",
    samverkansgrupp: "organ",
    uppfoljning: "uppfoljning",
    klagomal: "klagomal",
    period: "period",
    uppsagning: "uppsagning",
    brister: "brister",
    aterkrav: "aterkrav",
    sekretess: "sekretess",
    andringar: "andringar",
    informationsskyldighet: "informationsskyldighet",
    oenighet: "oenighet",
    forsakring: "forsakring",
    bilagor: "bilagor",
    signering: "signering",
  },
  saknas: [
    "beslut.datum",
    "versionsdatum",
    "parter[bo-sodra-stockholm].beskrivning",
    "parter[bo-vasterort].beskrivning",
    "bilaga-2:ekonomi.ersättning.rader[Ersättning].belopp",
    "bilaga-2:ekonomi.egenfinansiering.rader[Egenfinansiering].belopp",
    "bilaga-3:ekonomi.ersättning.rader[Ersättning].belopp",
    "bilaga-3:ekonomi.egenfinansiering.rader[Egenfinansiering].belopp",
  ],
};

// ---------------------------------------------------------------------------------------------

/** 003 Åtaganden › Brottsofferjourerna and Resurser; 003 Bilagor for the diarienummer. */
const jourBilaga2022 = (
  nummer: number,
  part: string,
  diarienummer: string,
  belopp: number,
): BilagaFact => ({
  nummer,
  part,
  diarienummer,
  åtaganden: { antal: 7, innehåller: JOUR_COMMITMENTS },
  villkor:
    "Allt stöd ska vara kostnadsfritt, stödsökande kan vara anonym och brottet behöver inte vara polisanmält. Kontakten med brottsofferjourerna kan pågå så länge båda parter anser att det finns behov. Brottsofferjourerna kan tillsammans erbjuda stöd på cirka 20 olika språk tack vare hög språkkompetens hos volontärerna.",
  kvalitetsmål: JOUR_QUALITY_TARGETS,
  övriga_åtaganden: 4,
  ersättning: { rader: [{ post: "Ersättning för 1 års verksamhet", belopp }], summa: belopp },
});

export const STOCKHOLM_2022: AgreementFact = {
  dir: "stockholm-brottsofferstod-2022",
  diarienummer: "2.3.4-630/2021", // 003 header and Bilagor 1
  kommun: "Stockholms stad",
  status: "undertecknad", // in force since 2022 (000 §1)
  beslut: { organ: "Socialnämnden i Stockholms stad", datum: SAKNAS }, // 003: a proposal only
  signering: { sätt: "papper" },
  parter: STOCKHOLM_PARTIES_2022,
  // 003 Sammanfattning and Period
  period: {
    start: "2022-04-01",
    inledande_slut: "2023-03-31",
    förlängning: { enhet: "år", längst_till: "2025-03-31" },
    uppsägning: { senast: "09-30" },
    villkor:
      "Detta förutsatt att medel för partnerskapet finns och att förutsättningarna för ett partnerskap i övrigt kvarstår.",
  },
  // 003 Syfte och mål
  mål: [
    "Ge likvärdigt brottsofferstöd i hela kommunen.",
    "Öka samverkan mellan staden och brottsofferjourerna, för att gemensamt verka för att fler brottsutsatta får information och stöd av god kvalitet.",
    "Länka till annan part när så är aktuellt, brottsofferjourerna till Stödcentrum om en person är under 21 år, Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
  ],
  // 003 Ledning och samverkan
  styrning: [
    { id: "styrgrupp", typ: "styrgrupp", namn: "styrgruppen", uppgifter: 0 },
    { id: "samverkansgrupp", typ: "samverkansgrupp", namn: "samverkansgruppen", uppgifter: 0 },
  ],
  // 003 Uppföljning: statistics by gender; the memo does not say when
  rapportering: [{ av: [...JOURER, "socialnamnden"], när: SAKNAS, statistik_uppdelad_på: ["kön"] }],
  // 003 Bilagor 2–5 and Resurser (805 000 / 1 041 000 / 704 000 = 2 550 000)
  bilagor: [
    jourBilaga2022(1, "bo-stockholm-gotland", "2.3.4-98/2022", 805_000),
    jourBilaga2022(2, "bo-sodra-stockholm", "2.3.4-99/2022", 1_041_000),
    jourBilaga2022(3, "bo-vasterort", "2.3.4-100/2022", 704_000),
    {
      // 003 Åtaganden › Stödcentrum för unga brottsutsatta och vittnen
      nummer: 4,
      part: "socialnamnden",
      diarienummer: "2.3.4-101/2022",
      titel: "Socialnämndens verksamheter",
      åtaganden: { antal: 0, innehåller: [] },
      villkor: "Brottet behöver inte vara polisanmält.",
      kvalitetsmål: [],
      övriga_åtaganden: 2,
    },
  ],
  // 003 order: Syfte och mål, Målgrupp, Parter, (Åtaganden, Resurser: bilagor), Ledning och
  // samverkan, Uppföljning, Period.
  outline: [
    "syfte-och-mal",
    "malgrupp",
    "parter",
    ["struktur", ["styrgrupp", "samverkansgrupp"]],
    "uppfoljning",
    "period",
    "bilagor",
    "signering",
  ],
  klausuler: {
    "syfte-och-mal": "syfte-och-mal",
    malgrupp: "malgrupp",
    parter: "parter",
    styrgrupp: "organ",
    samverkansgrupp: "organ",
    uppfoljning: "uppfoljning",
    period: "period",
    bilagor: "bilagor",
    signering: "signering",
  },
  saknas: [
    "beslut.datum",
    "versionsdatum",
    "parter[socialnamnden].undertecknare.namn",
    "parter[socialnamnden].undertecknare.titel",
    ...JOURER.flatMap((id) => [
      `parter[${id}].beskrivning`,
      `parter[${id}].undertecknare.namn`,
      `parter[${id}].undertecknare.titel`,
    ]),
    "uppföljning.rapportering[0].när",
  ],
};

/** 003 Resurser: "totalt 2 550 000 kronor för 1 års verksamhet". */
export const STOCKHOLM_2022_TOTAL = 2_550_000;

/** 003 has no conditions text: these clauses must not appear in the 2022 edition. */
export const CONDITIONS_CLAUSES: NonNullable<Avsnitt["klausul"]>[] = [
  "uppsagning",
  "brister",
  "aterkrav",
  "sekretess",
  "andringar",
  "informationsskyldighet",
  "oenighet",
  "forsakring",
];

// ---------------------------------------------------------------------------------------------

export const KALMAR_2018: AgreementFact = {
  dir: "kalmar-brottsofferstod-2018",
  diarienummer: SAKNAS,
  kommun: "Kalmar kommun", // 004 §2 "Kalmar kommun"
  status: "undertecknad", // 004 "har ingåtts", §11 "parterna tagit var sitt original"
  benämning: "avtalet", // 004 §10 "Avtalet ska sägas upp"
  signering: { sätt: "papper" }, // 004 §11 "två likalydande exemplar"
  // 004 preamble
  parter: [
    {
      id: "kalmar-socialforvaltning",
      namn: "Kalmar socialförvaltning",
      sektor: "offentlig",
      organisationsnummer: SAKNAS,
      undertecknare: { namn: SAKNAS, titel: SAKNAS },
      adress: { utdelningsadress: "Box 834", postnummer: "391 28", postort: "KALMAR" },
    },
    {
      id: "bo-sodra-kalmar",
      namn: "Brottsofferjouren i södra Kalmar län",
      sektor: "idéburen",
      organisationsnummer: SAKNAS,
      undertecknare: { namn: SAKNAS, titel: SAKNAS },
      adress: { utdelningsadress: "Stagneliusgatan 31", postnummer: "392 34", postort: "KALMAR" },
    },
  ],
  // 004 §4 "2018 - 2019 … förlängs därefter löpande med ett år i taget"; §10 nine months' notice
  period: {
    start: "2018",
    inledande_slut: "2019",
    förlängning: { enhet: "år" },
    uppsägning: { månader_före_slut: 9 },
  },
  // 004 §3
  mål: [
    "Genom förebyggande arbete och insatser ge brottsoffer det stöd och den hjälp de behöver för att känna sig trygga.",
  ],
  // 004 §8, §9 "Styrgruppen träffas 2 gånger per år"
  styrning: [
    { id: "styrgrupp", typ: "styrgrupp", namn: "styrgruppen", möten_per_år: 2, uppgifter: 0 },
  ],
  // 004 §9: once a year to the styrgrupp, split into young and adult victims
  rapportering: [
    { av: ["bo-sodra-kalmar"], när: "en gång per år", statistik_uppdelad_på: ["ålder"] },
  ],
  bilagor: [],
  // 004: (parties), Allmänna krav, 1 Syfte … 6 with 6.1–6.3 … 11 Utväxling av överenskommelse
  outline: [
    "parter",
    "allmanna-krav",
    "syfte",
    "malgrupp",
    "mal",
    "period",
    "vardegrund",
    ["atagande", ["verksamhetens-innehall", "arbetsgivaransvar", "sekretess"]],
    "ekonomi",
    "styrgrupp",
    "uppfoljning",
    "omforhandling",
    "signering",
  ],
  klausuler: {
    parter: "parter",
    syfte: "syfte",
    malgrupp: "malgrupp",
    mal: "mal",
    period: "period",
    vardegrund: "vardegrund",
    ekonomi: "ekonomi",
    styrgrupp: "organ",
    uppfoljning: "uppfoljning",
    omforhandling: "uppsagning",
    signering: "signering",
  },
  saknas: [
    "diarienummer",
    "versionsdatum",
    ...["kalmar-socialforvaltning", "bo-sodra-kalmar"].flatMap((id) => [
      `parter[${id}].organisationsnummer`,
      `parter[${id}].undertecknare.namn`,
      `parter[${id}].undertecknare.titel`,
    ]),
    "ekonomi[0].ersättning.formel.befolkning.år",
    "ekonomi[0].ersättning.formel.befolkning.antal",
  ],
};

/** 004 §7 "Avtalets ekonomi" (bullet points 1–3 in prose, no budget table). */
const KALMAR_VOLUNTARY_WORK =
  "Ideella arbetsinsatser av volontärer och styrelse med de volontärtimmar som påkallas av behovet.";
const KALMAR_OWN_FUNDING =
  "Bidrag från Brottsoffermyndigheten till ett värde av ca 40 000 kr samt medlemsavgifter, gåvor och sponsorbidrag.";
const KALMAR_BUDGET_RESPONSIBILITY =
  "Brottsofferjouren ansvarar för att planera och verkställa sin budget, vilket innebär att ta i beaktande oväntade kostnader.";

/** 004 §7: the economy written in the agreement itself. */
export const KALMAR_2018_EKONOMI = {
  part: "bo-sodra-kalmar",
  /**
   * Kalmar socialförvaltning pays 3 kr per inhabitant by SCB's population statistics; 004 names
   * no area, year or number of inhabitants.
   */
  kronor_per_invånare: 3,
  källa: "Statistiska centralbyråns (SCB) befolkningsstatistik",
  /** Brottsofferjouren's own contribution, as the source words it. */
  insats: [KALMAR_VOLUNTARY_WORK, KALMAR_OWN_FUNDING, KALMAR_BUDGET_RESPONSIBILITY].join(" "),
  /**
   * Its own funding: an approximate grant and other income without an amount, stated in prose;
   * the source has no budget table to fill.
   */
  egenfinansiering: KALMAR_OWN_FUNDING,
} as const;

export const AGREEMENTS: AgreementFact[] = [STOCKHOLM_2025, STOCKHOLM_2022, KALMAR_2018];
