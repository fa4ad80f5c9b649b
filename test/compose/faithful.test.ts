/**
 * The rendered example agreements compared with the source documents, section by section: the
 * headings in order and each section's text, after whitespace normalisation. The expected text is
 * the seeds' own words (copied here: tests never read ../shared), including their typos and
 * wording ("skall", "senaste den", "avgivit", "ordinära verksamhet", "Verksamhetsmätt"), which a
 * reproduction keeps; only these documented corrections are made:
 *
 * - numbering: derived, so seed 000's "3.4 Samverkansgruppen" (after 3.1) is 3.2, its two "5.4"
 *   are 5.4 and 5.5; its "Bilagor" stays unnumbered (`numrerad: false`), so "Signering" is 6;
 *   Kalmar's opening is, as in the source, the parties without a heading (`utan_rubrik`) and
 *   "Allmänna krav" without a number, so its sections are 1–11;
 * - names: one official name per party ("Socialförvaltningen", "socialnämnden i Stockholms stad" →
 *   "Socialnämnden i Stockholms stad"; Kalmar's "Brottsofferjouren" as a party →
 *   "Brottsofferjouren i södra Kalmar län");
 * - the number of copies, derived from the signers ({exemplar} in the agreement's own wording);
 * - list bullets and the punctuation of derived lists (parties, bilagor);
 * - the OCR damage of seed 002: å, ä and ö restored.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import { buildDocument } from "../../src/document/build.js";
import { blockText, inlineText, normalizeWhitespace } from "../../src/document/text.js";
import type { DocumentTree, SignaturesNode, TableNode } from "../../src/document/types.js";
import { EXAMPLES, loadExample } from "./load.js";

type Expected = [heading: string, sentences: string[]][];

const trees = new Map<string, DocumentTree[]>();
beforeAll(async () => {
  for (const id of EXAMPLES) {
    const { documents, diagnostics } = composeAgreement(await loadExample(id));
    expect(diagnostics).toEqual([]);
    trees.set(
      id,
      documents.map((d) => {
        const built = buildDocument(d);
        expect(built.diagnostics).toEqual([]);
        return built.tree;
      }),
    );
  }
});
const tree = (id: (typeof EXAMPLES)[number], index = 0) => trees.get(id)?.[index] as DocumentTree;

/** Heading ("3.2 Samverkansgruppen") → normalised text of the section's blocks. */
function sections(doc: DocumentTree): Map<string, string> {
  const out = new Map<string, string>();
  let current = "";
  for (const block of doc.children) {
    if (block.type === "heading") {
      current = normalizeWhitespace(blockText(block));
      out.set(current, "");
    } else {
      out.set(current, normalizeWhitespace(`${out.get(current) ?? ""} ${blockText(block)}`));
    }
  }
  return out;
}

function expectSections(doc: DocumentTree, expected: Expected): void {
  const actual = sections(doc);
  expect([...actual.keys()]).toEqual(expected.map(([heading]) => heading));
  for (const [heading, sentences] of expected) {
    for (const sentence of sentences) {
      expect(actual.get(heading), heading).toContain(normalizeWhitespace(sentence));
    }
  }
}

const tableOf = (doc: DocumentTree, n: number): TableNode =>
  doc.children.filter((b): b is TableNode => b.type === "table")[n] as TableNode;
const rows = (table: TableNode) =>
  [...table.rows, ...(table.total ? [table.total] : [])].map((r) =>
    r.map((c) => normalizeWhitespace(inlineText(c))),
  );
const signatures = (doc: DocumentTree) =>
  (doc.children.find((b) => b.type === "signatures") as SignaturesNode).blocks.map((b) => [
    b.party,
    b.name,
    b.title,
    b.place,
    b.year,
  ]);

describe("Stockholm 2025 (seed 000)", () => {
  const EXPECTED: Expected = [
    [
      "1 Bakgrund",
      [
        "IOP är en samverkansform mellan det offentliga och den idéburna sektorn i syfte att hitta gemensamma lösningar på olika samhällsutmaningar.",
        "Socialnämnden i Stockholms stad har sedan 2022 en överenskommelse om idéburet offentligt partnerskap (IOP) tillsammans med tre Brottsofferjourer i Stockholm.",
        "I enlighet med överenskommelsen löper partnerskapet ut den 31 mars 2025.",
        "Brottsofferjourerna erhöll tidigare verksamhetsbidrag från socialförvaltningen för sin verksamhet med brottsofferstöd.",
        "Målen med föregående IOP var att ge likvärdigt brottsofferstöd i hela kommunen, öka samverkan mellan staden och brottsofferjourerna samt länka målgruppen till annan part när så är aktuellt, brottsofferjourerna till Stödcentrum om en person är under 21 år, och Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
      ],
    ],
    [
      "1.1 Förnyad överenskommelse",
      [
        "Då föregående period med överenskommelsen haft goda resultat och måluppfyllnad samt kvarstående behov av brottsofferstöd för målgruppen upprättas en förnyad överenskommelse om partnerskap mellan parterna.",
      ],
    ],
    [
      "2 Parter",
      [
        "Denna överenskommelse om idéburet partnerskap (IOP) upprättas mellan följande parter:",
        "Offentlig sektor: Socialnämnden i Stockholms stad (organisationsnummer 212000-0142)",
        "Idéburen sektor: Brottsofferjouren Stockholm-Gotland (organisationsnummer 802490-7720) Brottsofferjouren Södra Stockholm (organisationsnummer 802476-1044) Brottsofferjouren Västerort (organisationsnummer 802015-4822)",
        "Samtliga parter skall acceptera villkoren som gäller i överenskommelsen vilket bekräftas av parternas signering.",
      ],
    ],
    [
      "2.1 Partnerskapets utgångspunkt",
      [
        "Partnerskapet och samtliga parter inom överenskommelsen ska utgå från politiska beslut som: Kommunfullmäktiges budget, mål och inriktningsdokument Lagstiftning som rör målgruppen",
        "Till överenskommelsen knyts specifika åtaganden formulerade i bilagor för varje idéburen organisation och för socialnämndens specifika verksamheter.",
        "Bakgrund och beslut om förändrade åtaganden ska registreras och förvaras tillsammans med överenskommelsen.",
        "I överenskommelsens bilagor beskrivs de specifika åtagandena, dess innehåll, upplägg, tidsperiod samt ekonomiska förutsättningar. Bilagorna utgör en del av partnerskapet.",
      ],
    ],
    [
      "2.2 Socialnämndens uppdrag",
      [
        "Enligt gällande Socialtjänstlag SOL 5 kap. Brottsoffer 11 § är socialnämndens uppgift att bland annat verka för den som utsatts för brott och dennes närstående får stöd och hjälp.",
        "Socialnämnden ska även ansvara för att ett barn, som utsatts för brott, och dennes närstående får det stöd och den hjälp som de behöver.",
        "Stöd erbjuds även till personer under 18 år som blivit utnyttjade sexuellt i prostitution eller annan form av sexuell exploatering.",
        "Andra relevanta kommunala verksamheter att samarbeta med inom partnerskapet kan exempelvis vara Mikamottagningen, Relationsvåldscenrum (RVC), Origo, m.fl.",
      ],
    ],
    [
      "2.3 Brottsofferjourernas uppdrag och verksamhet",
      [
        "Brottsofferjouren Sverige är en sekulär och partipolitiskt obunden ideell organisation som ger stöd till brottsoffer, vittnen och anhöriga, och vars arbete grundar sig på FN:s deklaration om mänskliga rättigheter.",
        "Brottsofferjourerna har nära samverkan med myndigheter och andra organisationer i för att nå ut till fler brottsutsatta.",
        "De hör till landets största sett till upptagningsområde och hanterande ärenden. Under 2024 gav de tillsammans stöd till cirka 4 500 brottsutsatta.",
        "Jourernas stöd innefattar bland annat: Stödsamtal Information om rättsprocessen och ekonomisk ersättning Medföljning och stöd vid anmälan, förhör och rättegång Stöd i kontakt med myndigheter och försäkringsbolag Information och hänvisning till andra aktörer",
        "Jourernas ideella volontärer är noga utvalda som genomgått brottsofferjourernas grundutbildning och som regelbundet deltar i vidareutbildningar och handledning.",
      ],
    ],
    [
      "2.4 Partnerskapets syfte och mål",
      [
        "Det övergripande syftet med överenskommelsen är att erbjuda brottsofferstöd i hela staden, samt ta tillvara på de ideella krafter som finns inom Brottsofferjourerna, som kompletterar den kommunala verksamheten.",
        "Även ideella arbetsinsatser bestående av volontärtimmar från brottsofferjourernas volontärer och styrelse är ett mervärde för överenskommelsen.",
        "Målet med insatserna inom partnerskapet är att: Brottsofferjourerna ska erbjuda och utföra brottsofferstöd till alla brottsutsatta i Stockholms stad som önskat kontakt med jourerna.",
        "Brottsofferjourerna till Stödcentrum om en person är under 21 år, Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
      ],
    ],
    [
      "2.5 Målgrupp",
      [
        "Partnerskapets målgrupp är brottsoffer, vittnen och anhöriga i alla åldrar och boendes i hela staden.",
        "Brottsofferjourerna riktar även insatser till yrkesverksamma personer som möter brottsutsatta.",
      ],
    ],
    [
      "2.6 Värdegrund",
      [
        "Partnerskapet ska grundas på ömsesidig respekt inför parternas olika förutsättningar, öppenhet och dialog som karaktäriseras av tillit, lyhördhet och förståelse.",
        "kulturbetingad tro eller sedvänjor, egendom, härkomst eller familjeställning, etniskt eller socialt ursprung, och funktionsförmåga.",
      ],
    ],
    [
      "2.7 Informationsspridning",
      [
        "Vid eventuella uttalanden ska det tydligt framgå att det är den enskilda organisationen som uttalar sig.",
      ],
    ],
    [
      "3 Partnerskapets struktur och organisation",
      [
        "God samverkan i form av informationsutbyte och kommunikation krävs för att nå syfte och åtaganden i partnerskapet.",
        "Socialnämnden i Stockholms stad äger beslut om att inleda samt avsluta partnerskapet för den kommunala sektorn.",
        "De idéburna organisationerna utser varsin representant och Stockholms stads socialförvaltning utser högst två representanter i respektive forum.",
      ],
    ],
    [
      "3.1 Styrgrupp",
      [
        "Styrgruppen beslutar om strategiska frågor för partnerskapet, så som förändringar i partnerskapets inriktning, omfattning och övriga frågor av väsentlig betydelse.",
        "Styrgruppen skall vara enig inför beslut.",
        "Ordförandeskapet är roterande, tid för ordförandeskapet och bestäms vid första styrgruppsmötet. Ordförande ansvarar för kallelse och dokumentation.",
        "Uppstår akuta behov av möten har utsedd ordförande mandat att kalla till extramöte.",
        "Vidare ansvarar styrgruppen för: det gemensamma målet och syftet med partnerskapet följs",
        "att informera samtliga parter om eventuella förändringar och beslut som fattas.",
      ],
    ],
    [
      "3.2 Samverkansgruppen",
      [
        "Samverkansgruppens syfte är att möjliggöra ett gemensamt erfarenhetsutbyte och sammanställa information om partnerskapets åtaganden.",
        "Samverkansgruppen har beslutsmandat för de operativa frågorna inom partnerskapet utifrån den inriktning och de mål styrgruppen har valt.",
        "Socialförvaltningen representeras av ansvarig enhetschef eller motsvarande.",
        "Samverkansgruppen ska mötas regelbundet och utsedd part ansvarar för samverkansgruppens dokumentation. Ansvaret för detta ska roteras.",
        "Samverkansgruppen ansvarar för att: vid behov upprätta förtydligande rutiner och arbetsflödesbeskrivningar kring de gemensamma åtagandena",
        "löpande informera styrgruppen om händelser och eventuella förändringar i verksamheten och vid behov lyfta frågor till styrgruppen inför beslut.",
      ],
    ],
    [
      "4 Uppföljning och årlig återrapportering",
      [
        "Uppföljningen av partnerskapet syftar till säkra att målen och syftet uppnås.",
        "Brottsofferjourerna ska årligen efter avslutat verksamhetsår inlämna skriftliga verksamhetsrapporter.",
        "statistik på hur många personer som nåtts av brottsofferjurens insatser uppdelat på kön.",
        "Därutöver ska de tre brottsofferjourerna efter avslutat verksamhetsår lämna en ekonomisk redovisning till socialförvaltningen hur deras förening använt medel de erhållit inom ramen för partnerskapet.",
        "Socialförvaltningen sammanställer rapporterna som slutligen ska lämnas till Socialnämnden i Stockholms stad och brottsofferjourerna.",
      ],
    ],
    [
      "4.1 Synpunkter och klagomål",
      [
        "I brottsofferjourernas verksamhet ska alla stödsökande ha möjlighet att lämna klagomål och synpunkter.",
      ],
    ],
    ["5 Villkor", []],
    [
      "5.1 Period för partnerskapet",
      [
        "Partnerskapets inledande period är från den 1 april 2025 till och med 31 december 2025. Därefter förlängs partnerskapet automatiskt med ett kalenderår i taget, dock som längst till 31 december 2027, om inte överenskommelsen sägs upp av endera part senaste den 30 september respektive år. Perioden för partnerskapet villkoras förutsatt att det finns medel inom ramen för överenskommelsen och att förutsättningarna för ett partnerskap kvarstår.",
      ],
    ],
    [
      "5.2 Ekonomisk ersättning",
      ["Ekonomisk ersättning av vardera part framgår av överenskommelsen bilagor."],
    ],
    [
      "5.3 Uppsägning av överenskommelse om partnerskap",
      [
        "Samtliga parter har rätt att säga upp sitt åtagande i partnerskapet om samverkanspart bryter sina åtagande eller av andra skäl. Uppsägningen skall ske skriftligen till styrgruppen senaste den 30 september respektive år för att träda i kraft 1 januari kommande år.",
      ],
    ],
    [
      "5.4 Brister i verksamhet",
      [
        "Om någon av parterna inte uppfyller villkoren för partnerskapet eller visar väsentliga brister i sina åtaganden ska dialog föras i styrgruppen. I dessa fall kan styrgruppen besluta att part ska komma in med en åtgärdsplan för hur uppkomna brister i åtaganden och/eller uppfyllande av villkor ska åtgärdas. Om part, efter åtgärdsplan, fortfarande inte uppfyller villkoren eller inte har kommit till rätta med bristerna kan styrgruppen besluta att säga upp berörd part från partnerskapet.",
      ],
    ],
    [
      "5.5 Återkrav",
      [
        "Vid uppsägning från stadens sida på grund av att någon av brottsofferjourerna brutit mot sina åtaganden, kan denna part komma att bli återbetalningsskyldig för delar eller hela summan som socialförvaltningen har betalat ut inom ramen för partnerskapet.",
        "Återbetalningsskyldigheten kan gälla både för redan utförd verksamhet och för ännu inte utförd verksamhet.",
        "Om en förening inte utför verksamhet eller i övrigt inte lever upp till krav i överenskommelsen kan socialförvaltningen stoppa utbetalningar och kräva tillbaka redan utbetalda medel.",
        "Återbetalning kan bli aktuellt om socialförvaltningen, efter skriftväxling med part, finner att övervägande del av parts åtaganden inte uppfyllts under överenskommen tid.",
      ],
    ],
    [
      "5.6 Sekretess, tystnadsplikt och orosanmälan",
      [
        "Anställda och volontärer vid brottsofferjourerna ska anmäla om de får kännedom om eller misstänker att ett barn far illa enligt 14 kap. 1 § socialtjänstlagen.",
        "Därtill ska anställda och volontärer avgivit ett skriftligt tystnadslöfte. Detta innebär att sekretessuppgifter ska hanteras med stor försiktighet.",
        "Dokumentation om den enskilde ska endast vara av relevant betydelse samt hanteras och bevaras säkert.",
      ],
    ],
    [
      "5.7 Ändringar och tillägg",
      [
        "Ändringar och tillägg med anledning av denna överenskommelse samt tillhörande bilagor ska vara skriftliga och undertecknade av behöriga parter inom styrgruppen för att vara giltiga.",
      ],
    ],
    [
      "5.8 Informationsskyldighet",
      [
        "Varje part är skyldig att vid förändrade omständigheter som påverkar uppfyllande av åtagande, meddela det skyndsamt till styrgruppen.",
        "Om någon av parterna inte uppfyller villkoren för partnerskapet eller brister i sina åtaganden, eller om det råder väsentligt förändrade omständigheter ska styrgruppen föra en dialog om partnerskapet kan fortsätta.",
      ],
    ],
    [
      "5.9 Oenighet mellan parterna",
      [
        "Om oenighet uppstår ska dessa i första hand lösas genom dialog mellan parterna.",
        "Det är styrgruppen som ansvarar för att dialog och omförhandling sker om part begär det eller om det annars är påkallat.",
        "Vid eventuell oenighet i samverkansgruppen förs frågan vidare till styrgruppen.",
      ],
    ],
    ["5.10 Försäkringsansvar", ["Regleras av respektive part inom ordinära verksamhet"]],
    [
      "Bilagor",
      [
        "Bilagorna till överenskommelsen med diarienummer 2021/630 innehåller närmare beskrivningar om respektive parts åtaganden samt annan särskild information som särskilt berör parten.",
        "Bilaga 1, Brottsofferjouren Stockholm-Gotland, dnr 2021/630.",
        "Bilaga 2, Brottsofferjouren Västerort, dnr 2021/630.",
        "Bilaga 3, Brottsofferjouren Södra Stockholm, dnr 2021/630.",
      ],
    ],
    [
      "6 Signering av överenskommelsen",
      [
        "Överenskommelsen om partnerskapet är upprättat i fyra likalydande exemplar där varje part erhållit varsitt original.",
      ],
    ],
  ];

  it("should render every section of the agreement in order with its text", () => {
    expectSections(tree("stockholm-brottsofferstod-2025"), EXPECTED);
  });

  it("should sign for the four parties with their signatories", () => {
    expect(signatures(tree("stockholm-brottsofferstod-2025"))).toEqual([
      [
        "Socialnämnden i Stockholms stad",
        "Veronica Carstorp Wolgast",
        "socialdirektör",
        "Stockholm",
        2025,
      ],
      ["Brottsofferjouren Stockholm-Gotland", "Cecilia Ekstrand", "ordförande", "Stockholm", 2025],
      ["Brottsofferjouren Södra Stockholm", "Vera Rehnfeldt", "ordförande", "Stockholm", 2025],
      ["Brottsofferjouren Västerort", "Elena Grgic", "ordförande", "Stockholm", 2025],
    ]);
  });

  it("should carry the agreement's title", () => {
    expect(tree("stockholm-brottsofferstod-2025").meta.title).toBe(
      "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Socialnämnden i Stockholms stad och Brottsofferjourerna",
    );
  });
});

describe("Stockholm 2025, bilaga for Brottsofferjouren Stockholm-Gotland (seed 002)", () => {
  const bilaga = () => tree("stockholm-brottsofferstod-2025", 1);
  const EXPECTED: Expected = [
    [
      "1 Åtagande",
      [
        "Ett idéburet offentligt partnerskap (IOP) har ingåtts mellan Socialnämnden i Stockholms stad och tre idéburna organisationer.",
        "Partnerskapet är ingånget med en inledande period som är från den 1 april 2025 till och med den 31 december 2025. Därefter förlängs partnerskapet automatiskt med ett kalenderår i taget, dock som längst till den 31 december 2027, om inte överenskommelsen sägs upp av endera parten senast den 30 september respektive år. Detta förutsatt att medel för partnerskapet finns och att förutsättningarna för ett partnerskap i övrigt kvarstår.",
        "Partnerskapet reglerar mål, syfte, värdegrund för arbetet med målgruppen samt övergripande villkor. Brottsofferjouren Stockholm-Gotlands specifika åtaganden framgår av denna bilaga. Dessa åtaganden kan vid behov och över tid förändras, bytas ut eller helt utgå utan att partnerskapet behöver omförhandlas. Samtliga åtaganden ska följa partnerskapet.",
      ],
    ],
    [
      "2 Brottsofferjouren Stockholm-Gotland",
      [
        "Denna bilaga avser Brottsofferjouren Stockholm-Gotland med organisationsnummer 802490-7720.",
        "Brottsofferjouren bildades 2015 i samband med en sammanslagning av brottsofferjourerna Norrort, Stockholms innerstad och Lidingö och Gotland.",
        "Dessförinnan var dessa separata jourer, varav brottsofferjouren Stockholms innerstad-Lidingö fick bidrag av socialnämnden.",
        "Brottsofferjouren Stockholm-Gotland ger stöd till brottsoffer i stadsdelarna Kungsholmen, Norrmalm, Södermalm och Östermalm.",
      ],
    ],
    [
      "3 Åtagandets innehåll",
      [
        "Åtagandena syftar till att uppfylla de generella målen i det övergripande avtalet: Brottsofferjourerna ska erbjuda och utföra brottsofferstöd till alla brottutsatta i Stockholms stad som önskat kontakt med jourerna Öka samverkan",
        "Öka samverkan och informationsutbyte mellan staden och brottsofferjourerna för att gemensamt verka för att fler brottsutsatta erhåller stöd av god kvalité. Det innebär att bland annat länka vidare målgruppen när så är aktuellt.",
        "Brottsofferjouren Stockholm-Gotland ska tillgodose målgruppens behov utifrån stödsökandes önskemål. Medmänskligt stöd ska erbjudas i form av: Stödsamtal via telefon och personliga möten. Även stödkontakter via e-post, sms och sociala medier. Information om rättsprocessen. Medföljning vid anmälan, förhör och rättegång. Hjälp att begära ett adekvat målsägarbiträde. Information om och hjälp att söka ekonomisk ersättning. Hjälp vid myndighetskontakter Information och hänvisning till andra aktiviteter.",
        "Allt stöd ska vara kostnadsfritt, stödsökande kan vara anonym och brottet behöver inte vara polisanmält. Kontakten med brottsofferjouren kan pågå så länge båda parter anser att det finns behov.",
        "För att uppnå god kvalitet på stödet har föreningen följande målsättning: Första kontakten ska tas inom tre dagar efter att de mottagit ärendet. Försöka nå alla stödsökande per telefon minst tre gånger, varav minst ett tillfälle ska vara på kvällstid. Möjlighet till personligt möte ska finnas och erbjudas. Tillsammans med de andra brottsofferjourerna ha öppet en kväll i veckan.",
        "Vidare ska åtagandet innebära att alla stödpersoner ska ha genomgått och godkänts på den obligatoriska grundutbildningen, samt delta regelbundet vid vidareutbildningar, erfarenhetsutbyten och medarbetarsamtal.",
        "Samverkan ska ske med myndigheter och andra organisationer som möter brottsutsatta för att öka kunskapen om varandras verksamheter och därmed förbättra samarbetet kring brottsofferstödet.",
        "Informationsinsatser ska genomföras för att öka kännedomen om verksamheten och nå ut till fler brottsutsatta. Även här är samverkan viktigt. När en part informerar om brottsofferstöd ska information även ges om de andra parternas verksamhet, när så är relevant. På motsvarande sätt ska en part som planerar särskilda aktiviteter informera de andra parterna.",
      ],
    ],
    [
      "4 Jämställdhetsperspektiv",
      [
        "Partnerskapet riktar sig till brottsoffer och ska anpassas utifrån varje individs unika situation och behov så långt det är möjligt, oavsett kön. Brottsoffren, vittnen och anhöriga som söker sig till brottsofferjourerna är både kvinnor och män. Vid rekrytering av anställda och volontärer strävar brottsofferjourerna efter en så jämställd fördelning som möjligt.",
      ],
    ],
    ["5 Socialförvaltningens ersättning under 12 månader", []],
    ["6 Brottsofferjouren Stockholm-Gotland egenfinansiering under 12 månader", []],
    // The source has no sentence on the number of copies here, only the signatures.
    ["7 Underskrift", []],
  ];

  it("should render every section of the bilaga in order with its text", () => {
    expectSections(bilaga(), EXPECTED);
  });

  it("should render every budget line of the compensation and the total 830 000 kr", () => {
    expect(rows(tableOf(bilaga(), 0))).toEqual([
      ["Personal", "650 000 kr"],
      ["Konsulter", "5 000 kr"],
      ["Lokaler", "54 000 kr"],
      ["Aktiviteter", "6 000 kr"],
      ["Förbrukningsmaterial", "5 000 kr"],
      ["Övrigt", "110 000 kr"],
      ["Summa", "830 000 kr"],
    ]);
  });

  it("should render every line of the self-financing and the total 46 500 kr", () => {
    expect(rows(tableOf(bilaga(), 1))).toEqual([
      ["Verksamhetsstöd från Brottsoffermyndigheten", "15 000 kr"],
      ["Medlemsavgifter", "1 500 kr"],
      ["Projektmedel från Brottsoffermyndigheten (öronmärkta)", "30 000 kr"],
      ["Summa", "46 500 kr"],
    ]);
  });

  it("should be signed by the city and the jour", () => {
    expect(signatures(bilaga()).map(([party, name]) => [party, name])).toEqual([
      ["Socialnämnden i Stockholms stad", "Veronica Carstorp Wolgast"],
      ["Brottsofferjouren Stockholm-Gotland", "Cecilia Ekstrand"],
    ]);
  });

  it("should carry the bilaga's title and the agreement's name as subtitle", () => {
    expect([bilaga().meta.title, bilaga().meta.subtitle]).toEqual([
      "Bilaga 1, Brottsofferjouren Stockholm-Gotland",
      "Överenskommelse om idéburet offentligt partnerskap (IOP) för brottsofferstöd i Stockholms stad",
    ]);
  });
});

describe("Kalmar 2018 (seed 004)", () => {
  const EXPECTED: Expected = [
    [
      // The preamble has no heading (utan_rubrik): it is the text before the first heading.
      "",
      [
        "Samverkansavtal om Idéburet Offentligt Partnerskap, IOP har ingåtts mellan;",
        "Offentlig sektor: Kalmar socialförvaltning, Box 834, 391 28 KALMAR",
        "Idéburen sektor: Brottsofferjouren i södra Kalmar län, Stagneliusgatan 31, 392 34 KALMAR",
      ],
    ],
    [
      "Allmänna krav",
      [
        "Verksamheten ska vara icke vinstdrivande, politiskt obunden och arbeta utifrån alla människors lika värde.",
        "som ett komplement till Kalmar socialförvaltnings ordinarie verksamheter genom en form som de offentliga aktörerna inte erbjuder.",
      ],
    ],
    [
      "1 Syfte",
      [
        "Syftet med samverkansavtalet är att tillhandahålla stöd till unga och vuxna brottsoffer samt till vittnen och anhöriga.",
      ],
    ],
    ["2 Målgrupp", ["Brottsutsatta kommuninvånare i Kalmar kommun och dess anhöriga och vittnen."]],
    [
      "3 Samverkansavtalets målsättning",
      [
        "Mål: Genom förebyggande arbete och insatser ge brottsoffer det stöd och den hjälp de behöver för att känna sig trygga.",
      ],
    ],
    [
      "4 Avtalsperiod",
      [
        "Samverkansavtalet gäller för perioden 2018 - 2019 och förlängs därefter löpande med ett år i taget.",
      ],
    ],
    [
      "5 Värdegrund för partnerskap",
      [
        "Partnerskapet ska bygga på respekt, ödmjukhet, öppenhet, lyhördhet och transparens.",
        "Brottsofferjourens värdegrund anger det förhållningssätt som gäller gentemot såväl brottsoffer, anhöriga och vittnen som externa samarbetsparter, allmänhet och internt i organisationen.",
      ],
    ],
    ["6 Brottsofferjourens åtagande", []],
    [
      "6.1 Verksamhetens innehåll",
      [
        "Kalmar kommuninvånare ska erbjudas samtalsstöd i en brottsutsatt situation.",
        "enligt intentionerna i 5 kap 11 § Socialtjänstlagen. Stödsökande ska även erbjudas stöd i samband med rättegång.",
      ],
    ],
    [
      "6.2 Arbetsgivaransvar",
      [
        "Brottsofferjouren är arbetsgivare och ansvarar för att gällande lagar, författningar och att branschligt avtal följs.",
      ],
    ],
    [
      "6.3 Sekretess",
      [
        "Det är Brottsofferjourens ansvar att informera personal och volontärer om försäkran om tystnadslöfte för målgrupperna.",
        "Brottsofferjouren ansvarar inom ramen för detta att verksam personal/volontärer som arbetar gentemot barn och ungdomar genomfört erforderliga registerkontroller.",
      ],
    ],
    [
      "7 Ekonomiska villkor och ekonomi",
      [
        "Brottsofferjouren i södra Kalmar läns insats: Ideella arbetsinsatser av volontärer och styrelse med de volontärtimmar som påkallas av behovet. Bidrag från Brottsoffermyndigheten till ett värde av ca 40 000 kr samt medlemsavgifter, gåvor och sponsorbidrag. Brottsofferjouren ansvarar för att planera och verkställa sin budget, vilket innebär att ta i beaktande oväntade kostnader.",
        "Kalmar socialförvaltnings insats: 3 kr per kommuninvånare. Beräkning utgår från Statistiska centralbyråns (SCB) befolkningsstatistik. Uppdateringar",
        "Uppdateringar hämtas årligen av Brottsofferjouren inför fakturering. Utbetalning sker årsvis i februari efter fakturering från Brottsofferjouren.",
        "Ansökningsförfarandet av föreningsbidrag upphör i och med överenskommelsen.",
      ],
    ],
    [
      "8 Styrgrupp",
      [
        "Styrgruppen består av representanter från Kalmar socialförvaltning och Brottsofferjouren i södra Kalmar län. Styrgruppen har ansvar för att dels följa upp och dels arbeta för utveckling av verksamheten. Styrgruppen ska även arbeta för ökad kännedom hos Kalmar kommuns invånare om verksamheten samt medverka till kunskapsöverföring mellan parternas tjänstemän. Parterna i detta avtal betraktas som självständiga och jämnbördiga aktörer.",
      ],
    ],
    [
      "9 Uppföljning",
      [
        "Styrgruppen träffas 2 gånger per år under avtalstiden för att följa upp arbetet. Båda parter ansvarar för att träffarna genomförs. Brottsofferjouren åtar sig att en gång per år skriftligt rapportera arbetet till styrgruppen i form av Brottsofferjourens årliga verksamhetsberättelse samt ekonomiska balans- och resultaträkning.",
        "Verksamhetsmätt: Antal volontärtimmar Antal brottsoffer och vittnen samt anhöriga till brottsoffer som varit i kontakt med Brottsofferjourens stödverksamhet (uppdelat i unga och vuxna brottsoffer).",
        "Styrgruppen har i särskilt uppdrag att utvärdera verksamhetsmätt i avsikt att utröna dess reliabilitet och validitet.",
      ],
    ],
    [
      "10 Omförhandling, hävning samt tvist",
      [
        "Båda parter kan påkalla omförhandling. Avtalet ska sägas upp 9 månader innan avtalet upphör.",
        "Om någon av parterna inte uppfyller villkoren för överenskommelsen, brister i sina åtaganden, eller om det råder väsentliga förändrade omständigheter, ska dialog föras om huruvida partnerskapet kan fortsätta eller omförhandlas.",
        "Ändringar ska vara skriftliga för att vara giltiga.",
        "Vid händelse av att avtalet hävs blir parten återbetalningsskyldig för delar eller hela summan som Kalmar socialförvaltning har betalt ut inom ramen för detta avtal.",
        "Om tvister uppstår ska dessa i första hand lösas genom dialog mellan avtalsparterna.",
      ],
    ],
    [
      "11 Utväxling av överenskommelse",
      [
        "Denna överenskommelse har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt original.",
      ],
    ],
  ];

  it("should render every section of the samverkansavtal in order with its text", () => {
    expectSections(tree("kalmar-brottsofferstod-2018"), EXPECTED);
  });

  it("should leave the unknown signatories' lines empty", () => {
    expect(signatures(tree("kalmar-brottsofferstod-2018"))).toEqual([
      ["Kalmar socialförvaltning", null, null, null, undefined],
      ["Brottsofferjouren i södra Kalmar län", null, null, null, undefined],
    ]);
  });
});

describe("Stockholm 2022 (seed 003, the decision memo)", () => {
  const text = (index: number) =>
    normalizeWhitespace(
      tree("stockholm-brottsofferstod-2022", index).children.map(blockText).join(" "),
    );

  it("should render the sections the memo describes, in its order", () => {
    expect([...sections(tree("stockholm-brottsofferstod-2022")).keys()]).toEqual([
      "1 Syfte och mål",
      "2 Målgrupp",
      "3 Parter",
      "4 Ledning och samverkan",
      "4.1 Styrgrupp",
      "4.2 Samverkansgruppen",
      "5 Uppföljning",
      "6 Period",
      "7 Bilagor",
      "8 Signering av överenskommelsen",
    ]);
  });

  it.each([
    "Syftet med partnerskapet är att det ska bidra till att brottsofferstödet i staden ges på bästa möjliga sätt.",
    "Målen med partnerskapet är att: Ge likvärdigt brottsofferstöd i hela kommunen. Öka samverkan mellan staden och brottsofferjourerna, för att gemensamt verka för att fler brottsutsatta får information och stöd av god kvalitet. Länka till annan part när så är aktuellt, brottsofferjourerna till Stödcentrum om en person är under 21 år, Stödcentrum till brottsofferjourerna om en person är äldre än 21 år.",
    "Målgrupperna är brottsoffer, vittnen och deras anhöriga.",
    "Stöd erbjuds även till personer under 18 år som blivit utnyttjade sexuellt i prostitution eller sugardejting.",
    "Offentlig sektor: Socialnämnden i Stockholms stad (organisationsnummer 212000-0142)",
    "Brottsofferjouren Stockholm-Gotland (organisationsnummer 802490-7720) Brottsofferjouren Södra Stockholm (organisationsnummer 802476-1044) Brottsofferjouren Västerort (organisationsnummer 802015-4822)",
    "Partnerskapet leds av en styrgrupp, och erfarenhetsutbyte kring operativa frågor sköts av en samverkansgrupp.",
    "Styrgruppen beslutar om strategiska frågor för partnerskapet, såsom förändringar i partnerskapets inriktning, omfattning och andra frågor av väsentlig betydelse.",
    "Samverkansgruppen har beslutsmandat för de operativa frågorna inom partnerskapet utifrån den inriktning och de mål styrgruppen har valt.",
    "Avsikten med uppföljning är att säkra att syftet och målen med partnerskapet uppnås.",
    "I uppföljningen ska framgå hur samarbetet har sett ut, vilka insatser som genomförts samt statistik på hur många som nåtts av respektive insats uppdelat på kön.",
    "Partnerskapets inledande period är från den 1 april 2022 till och med den 31 mars 2023. Därefter förlängs partnerskapet automatiskt med ett år i taget, dock som längst till den 31 mars 2025, om inte överenskommelsen sägs upp av endera part senast den 30 september respektive år. Detta förutsatt att medel för partnerskapet finns och att förutsättningarna för ett partnerskap i övrigt kvarstår.",
    "Bilaga 1, Brottsofferjouren Stockholm-Gotland, dnr 2.3.4-98/2022. Bilaga 2, Brottsofferjouren Södra Stockholm, dnr 2.3.4-99/2022. Bilaga 3, Brottsofferjouren Västerort, dnr 2.3.4-100/2022. Bilaga 4, Socialnämndens verksamheter, dnr 2.3.4-101/2022.",
  ])("should render %j", (sentence) => {
    expect(text(0)).toContain(sentence);
  });

  it("should render the jours' commitments and quality targets in their bilagor", () => {
    for (const index of [1, 2, 3]) {
      expect(text(index)).toContain(
        "Medmänskligt stöd ska erbjudas i form av: Stödsamtal via telefon och personliga möten.",
      );
      expect(text(index)).toContain(
        "Brottsofferjourerna kan tillsammans erbjuda stöd på cirka 20 olika språk tack vare hög språkkompetens hos volontärerna.",
      );
      expect(text(index)).toContain(
        "Tillsammans med de andra brottsofferjourerna ha öppet en kväll i veckan.",
      );
    }
  });

  it("should render Stödcentrum's commitments in bilaga 4", () => {
    expect(text(4)).toContain(
      "Stödcentrum ger stöd och råd till unga 10-21 år, som blivit utsatta för brott samt medverkar vid polisförhör med unga lagöverträdare i de fall lokal socialtjänst inte kan närvara.",
    );
    expect(text(4)).toContain("Brottet behöver inte vara polisanmält.");
  });

  it("should render the compensation of 805 000, 1 041 000 and 704 000 kr, 2 550 000 kr in all", () => {
    const totals = [1, 2, 3].map((i) =>
      normalizeWhitespace(
        inlineText(tableOf(tree("stockholm-brottsofferstod-2022", i), 0).total?.[1] ?? []),
      ),
    );
    expect(totals).toEqual(["805 000 kr", "1 041 000 kr", "704 000 kr"]);
    const sum = totals.reduce((s, t) => s + Number(t.replace(/\D/g, "")), 0);
    expect(sum).toBe(2_550_000);
  });

  it("should not print the memo's word-processor error", () => {
    for (const index of [0, 1, 2, 3, 4]) expect(text(index)).not.toContain("Error!");
  });
});
