/**
 * The synthetic agreements of test/fixtures/agreements/, one per shape of IOP the data model must
 * express, and the text each of their documents must show in every format (Markdown, PDF, Word).
 * Whitespace, including non-breaking spaces, is compared normalised to single spaces.
 */
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("../fixtures/agreements/", import.meta.url));

export const SHAPES = [
  "flerarig-bidrag",
  "saknade-uppgifter",
  "tio-parter",
  "vinterinsats",
] as const;
export type Shape = (typeof SHAPES)[number];

const TEN_PARTIES = [
  "Exempelkommunens kulturnämnd",
  "Exempelkommunens fritidsnämnd",
  "Föreningen Testgården",
  "Kulturföreningen Provbygden",
  "Idrottsföreningen Exempelvallen",
  "Studieförbundet Provbildning",
  "Föreningen Låtsasgården",
  "Scoutkåren Testskogen",
  "Hembygdsföreningen Exempelby",
  "Föreningen Påhittet",
];

/** Per agreement and document ("overenskommelse", "bilaga-N"): phrases its text must contain. */
export const EXPECTED: Record<Shape, Record<string, string[]>> = {
  "flerarig-bidrag": {
    overenskommelse: [
      "Exempelkommunens kulturnämnd (organisationsnummer 212000-9994)",
      "Överenskommelsen har beslutats av kommunstyrelsen den 10 december 2024 (§ 212).",
      "Unga: Personer mellan 13 och 25 år.",
      "Överenskommelsen gäller för perioden 2025–2027.",
      "Samtliga parter åtar sig gemensamt att:",
      "informera varandra om förändringar som påverkar verksamheten.",
      "Partnerskapets samlade bidrag uppgår till högst 2 400 000 kr.",
      "Beloppet fördelas mellan parterna enligt följande:",
      "Kulturföreningen Provbygden 900 000 kr",
      "Bidrag per år:",
      "2026 800 000 kr",
      "Summa 2025–2027 2 400 000 kr",
      "Bidraget betalas ut kvartalsvis i förskott.",
    ],
    "bilaga-1": [
      "Partnerskapet gäller för perioden 2025–2027.",
      "Bidrag 2025–2027",
      "Bidraget uppgår till högst 1 500 000 kr.",
      "Kostnadsslag Belopp (kr)",
      "Personal 1 200 000 kr",
      "Summa 2025–2027 1 500 000 kr",
      "Föreningen Testgårdens egen insats",
      "Ideellt arbete: volontärer som håller i kvällsöppet, 1 200 timmar per år (värde ca 240 000 kr)",
      "Lokaler: föreningens egen ateljé på Provgatan 1",
    ],
    "bilaga-2": [
      "Bidrag lämnas med upp till 900 000 kr.",
      "År Belopp (kronor)",
      "Summa 2025–2027 900 000 kr",
      "Kulturföreningen Provbygdens egen insats",
      "Föreningens styrelse planerar festivalen ideellt.",
    ],
  },
  vinterinsats: {
    overenskommelse: [
      "Exempelkommunens socialnämnd",
      "Överenskommelsen har beslutats av socialnämnden den 18 september 2025.",
      "Nämnden beslutade att ingå partnerskapet för vintersäsongen.",
      "Partnerskapet gäller från den 1 november 2025 till och med den 31 mars 2026 (fem månader).",
      "Stiftelsen Natthamnens egen insats:",
      "Personal: en nattvärd per natt (värde 310 000 kr)",
      "Ideellt arbete: volontärer som lagar kvällsmat, 900 timmar under perioden",
      "Ersättning lämnas med upp till 500 000 kr.",
      "Post Kronor",
      "Nattpersonal 380 000 kr",
      "Summa 500 000 kr",
      "Ersättning inom partnerskapet lämnas med sammanlagt upp till 500 000 kr.",
      "För Stiftelsen Natthamnen",
    ],
  },
  "tio-parter": {
    overenskommelse: [
      "Exempelkommunens fritidsnämnd (organisationsnummer 212000-7774)",
      "Partnerskapets inledande period är från den 1 mars 2025 till och med den 28 februari 2026. Därefter förlängs partnerskapet automatiskt med ett år i taget, dock som längst till den 29 februari 2028",
      "Partnerskapets samlade ersättning uppgår till högst 1 300 000 kr.",
      "Föreningen Påhittet 170 000 kr",
      "Summa 1 080 000 kr",
      "Överenskommelsen undertecknas elektroniskt av samtliga parter.",
      ...TEN_PARTIES.map((p) => `För ${p}`),
    ],
  },
  "saknade-uppgifter": {
    overenskommelse: [
      "Uppgift saknas",
      "Överenskommelsen har beslutats. Beslutande organ: uppgift saknas. Beslutsdatum: uppgift saknas. Beslutets referens: uppgift saknas.",
      "Unga: uppgift saknas",
      "Partnerskapet gäller från den 1 januari 2026 till och med den 31 december 2026. Förlängning: uppgift saknas.",
      "Uppsägning: uppgift saknas.",
      "Takbelopp för partnerskapet: uppgift saknas.",
      "Synpunkter och klagomål Uppgift saknas.",
      "Summa 2026 uppgift saknas",
      "Överenskommelsen undertecknas på ett sätt som inte har angetts (uppgift saknas).",
      "För Föreningen Testgården",
    ],
  },
};

/** Whitespace (line breaks, non-breaking spaces) as single spaces, for comparing text. */
export const flatten = (text: string): string =>
  text
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/ ?\| ?/g, " ")
    .trim();
