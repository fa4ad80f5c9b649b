/**
 * YAML syntax errors as Swedish diagnostics, one per slip. The yaml library reports a slip where it
 * notices it, often on a neighbouring line and followed by errors that only follow from it: one
 * line indented a space too far gives two or three errors, one line short of a space five or more.
 * A mis-indented line is found by asking the library itself: the line near the first error whose
 * re-indentation (to the indentation of a line near it) makes those errors go away is the one to
 * report, once, with the indentation it should have; the errors it caused are dropped.
 */
import { LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Diagnostic, RuleId } from "../diagnostics.js";
import { yamlRule } from "./rule-ids.js";

/** The options every YAML file is parsed with (also when trying a repair). */
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** At most this many mis-indented lines are looked for in one file… */
const MAX_REPAIRS = 10;
/** …with at most this many trial parses (a large file with many errors stays quick to check). */
const MAX_TRIALS = 100;

const indentOf = (line: string): number => line.length - line.trimStart().length;

const isContent = (line: string): boolean =>
  line.trim() !== "" && !line.trimStart().startsWith("#");

/** The indentations a line can have: its own, and that of the key after a `- `. */
function levels(line: string): number[] {
  const item = /^( *)- +(?=\S)/.exec(line);
  return item ? [indentOf(line), item[0].length] : [indentOf(line)];
}

/**
 * Indentations to try for line `at`: those of the file's other lines, nearest first; of two as
 * near, the one of the line above (its own or its key's), else the smaller.
 */
function indentsToTry(lines: readonly string[], at: number): number[] {
  const indent = indentOf(lines[at] ?? "");
  const all = new Set(lines.filter((l, k) => k !== at && isContent(l)).flatMap(levels));
  all.delete(indent);
  let above = at - 1;
  while (above >= 0 && !isContent(lines[above] ?? "")) above--;
  const preferred = new Set(above >= 0 ? levels(lines[above] ?? "") : []);
  return [...all].sort(
    (a, b) =>
      Math.abs(a - indent) - Math.abs(b - indent) ||
      Number(preferred.has(b)) - Number(preferred.has(a)) ||
      a - b,
  );
}

const errorLine = (lineCounter: LineCounter, error: YAMLError, end = false) =>
  lineCounter.linePos(error.pos[end ? 1 : 0]).line;

function parse(text: string): { errors: YAMLError[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const { errors } = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  return { errors, lineCounter };
}

interface Repair {
  /** 0-based line and its indentation as written and as it should be. */
  line: number;
  indent: number;
  should: number;
}

/**
 * The one line near the first error whose re-indentation clears the errors up to just below it.
 * Lines with a rarer indentation are tried first (a line a space off usually has one no other
 * line has), each with the nearest indentation used elsewhere in the file.
 */
function findRepair(
  lines: readonly string[],
  errors: readonly YAMLError[],
  lc: LineCounter,
  trials: { left: number },
) {
  // The lines of the first error, and of the others starting on its line (an implicit key's
  // errors span from the line where it starts to the line where its colon is), and the one above.
  const start = errorLine(lc, errors[0] as YAMLError) - 1;
  const spans = errors.filter((e) => errorLine(lc, e) - 1 === start);
  const end = Math.max(...spans.map((e) => errorLine(lc, e, true) - 1));
  const count = new Map<number, number>();
  for (const line of lines) count.set(indentOf(line), (count.get(indentOf(line)) ?? 0) + 1);
  const rarity = (l: number) => count.get(indentOf(lines[l] ?? "")) ?? 0;
  const candidates = [
    ...new Set([end, ...spans.map((e) => errorLine(lc, e, true) - 1), start, start - 1]),
  ]
    .filter((l) => l >= 0 && l < lines.length && isContent(lines[l] ?? ""))
    .sort((a, b) => rarity(a) - rarity(b) || b - a);
  for (const line of candidates) {
    const text = lines[line] ?? "";
    const indent = indentOf(text);
    if (text.slice(0, indent).includes("\t")) continue;
    for (const should of indentsToTry(lines, line)) {
      const fixed = [...lines];
      fixed[line] = " ".repeat(should) + text.trimStart();
      if (trials.left-- <= 0) return undefined;
      const after = parse(fixed.join("\n"));
      const next = after.errors[0];
      if (!next || errorLine(after.lineCounter, next) > Math.max(line, end) + 2) {
        return { repair: { line, indent, should }, lines: fixed, after };
      }
    }
  }
  return undefined;
}

/** A YAML error's Swedish message; `line` is the source line the error is on. */
function message(error: YAMLError, line: string): { text: string; rule?: RuleId } {
  if (/^\s*\t/.test(line) || error.code === "TAB_AS_INDENT") {
    return {
      text: "Tabbtecken används för indrag. YAML kräver mellanslag; ersätt tabben med mellanslag.",
    };
  }
  switch (error.code) {
    case "DUPLICATE_KEY":
      return {
        text: "Nyckeln förekommer två gånger i samma objekt. Ta bort eller byt namn på den ena.",
      };
    case "BLOCK_AS_IMPLICIT_KEY": {
      // `rubrik: Mål: något`: a colon and a space in a value without quotes.
      const colon = /^(\s*(?:- +)?[^\s:#][^:#]*:\s+)([^"'\s].*:(?:\s.*)?)$/.exec(line);
      if (colon) {
        const value = (colon[2] ?? "").trimEnd();
        return {
          rule: "yaml-kolon-i-varde",
          text: `Värdet innehåller kolon och måste därför stå inom citattecken. Sätt värdet inom citattecken: ${(colon[1] ?? "").trim()} "${value.replaceAll('"', '\\"')}"`,
        };
      }
      return {
        text: "En nyckel saknar kolon eller sträcker sig över flera rader. Skriv nyckel: värde på en rad.",
      };
    }
    case "MULTILINE_IMPLICIT_KEY":
      return {
        text: "En nyckel saknar kolon eller sträcker sig över flera rader. Skriv nyckel: värde på en rad.",
      };
    case "BAD_ALIAS":
      return { text: "Aliaset (*namn) hänvisar till ett ankare (&namn) som inte finns." };
    default:
      return { text: translate(error) };
  }
}

/** Swedish for the yaml library's English reasons, most specific first (matched on its text). */
const REASONS: [RegExp, string][] = [
  [/^Missing closing "quote/, 'Citattecknet (") stängs aldrig. Avsluta värdet med ".'],
  [/^Missing closing 'quote/, "Apostrofen (') stängs aldrig. Avsluta värdet med '."],
  [/^Missing , or : between/, "Komma (,) eller kolon (:) saknas mellan två element inom klamrar."],
  [/^Missing , between/, "Komma (,) saknas mellan två element inom klamrar."],
  [/^Missing space after :/, "Mellanslag saknas efter kolon."],
  [/^Sequence item without - indicator/, "Ett listelement saknar bindestreck (- ) först på raden."],
  [/^Implicit map keys need to be followed by map values/, "Nyckeln saknar kolon och värde."],
  [/^Comments must be separated/, "En kommentar (#) måste föregås av ett mellanslag."],
  [
    /^Tags and anchors must be separated/,
    "Ett ankare (&namn) eller en tagg (!) måste följas av ett mellanslag.",
  ],
  [
    /^All sequence items must start at the same column/,
    "Alla listelement (- ) i samma lista måste börja i samma kolumn.",
  ],
  [/^Unexpected empty item/, "Ett tomt element (två komman i rad) inom klamrar."],
  [/^Unexpected , in/, "Ett komma (,) på fel ställe."],
  [
    /^Block scalar header includes extra characters/,
    "Efter | eller > får bara indragssiffra och + eller - stå på raden.",
  ],
  [
    /^Plain value cannot start with/,
    "Ett värde utan citattecken kan inte börja med det här tecknet (@ eller `). Sätt värdet inom citattecken.",
  ],
  [
    /^Invalid escape sequence/,
    "Ogiltig escape-sekvens (\\…) inom citattecken. Skriv \\\\ för ett omvänt snedstreck.",
  ],
  [/^Implicit keys/, "En nyckel måste stå på en rad."],
  [
    /^Nested mappings are not allowed in compact mappings/,
    "Ett objekt kan inte börja på samma rad som en annan nyckel. Skriv nyckel: värde på en rad och nästa nivå indragen på raderna under.",
  ],
  [
    /^A block sequence may not be used as an implicit map key/,
    "En lista kan inte vara en nyckel. Kontrollera indraget.",
  ],
  [
    /Maximum call stack size exceeded|too deep|exhaust/i,
    "Filen är för djupt nästlad (listor eller objekt i många nivåer) för att läsas.",
  ],
  [/^Unresolved tag/, "Okänd tagg (!…). Ta bort taggen; taggar används inte i överenskommelser."],
  [
    /Map keys must be unique/,
    "Nyckeln förekommer två gånger i samma objekt. Ta bort eller byt namn på den ena.",
  ],
  [/at most one anchor/, "Ett värde kan ha högst ett ankare (&namn)."],
  [/at most one tag/, "Ett värde kan ha högst en tagg (!…)."],
  [/must not specify any properties/, "Ett alias (*namn) kan inte ha ankare eller tagg."],
  [
    /^Anchors and tags must be after/,
    "Ankare (&namn) och taggar (!…) ska stå efter - eller ?, inte före.",
  ],
  [/ending in : is ambiguous/, "Ett ankare eller alias får inte sluta med kolon."],
  [/cannot be an empty string/, "Ett ankare eller alias saknar namn."],
  [
    /directive|%YAML|%TAG/i,
    "Felaktigt direktiv (%…). Ta bort raden; direktiv används inte i överenskommelser.",
  ],
  [
    /directives-end|doc-start|Source contains multiple documents/i,
    "Filen får bara innehålla ett dokument; ta bort --- och ... mitt i filen.",
  ],
  [
    /block collection cannot start on same line/i,
    "En lista eller ett objekt kan inte börja på samma rad som ---.",
  ],
  [
    /^Keys with collection values will be stringified/,
    "Nycklar ska vara enkla ord, inte listor eller objekt.",
  ],
];

/** Swedish for the yaml library's reason for each kind of error, when the reason is not known. */
const BY_CODE: Partial<Record<YAMLError["code"], string>> = {
  BAD_INDENT:
    "Felaktigt indrag. Kontrollera att raden är indragen med mellanslag som raderna runt omkring.",
  MISSING_CHAR:
    "Ett tecken saknas här (kolon, komma, klammer eller citattecken). Kontrollera raden.",
  UNEXPECTED_TOKEN:
    "Oväntat tecken. Kontrollera att raden är indragen med mellanslag som raderna runt omkring och att klamrar och citattecken är parvisa.",
  BLOCK_IN_FLOW: "Inom klamrar ([ ] eller { }) kan värden inte skrivas över flera indragna rader.",
  RESOURCE_EXHAUSTION:
    "Filen är för djupt nästlad (listor eller objekt i många nivåer) för att läsas.",
  KEY_OVER_1024_CHARS: "En nyckel är längre än 1 024 tecken.",
  MULTIPLE_DOCS: "Filen får bara innehålla ett dokument; ta bort --- och ... mitt i filen.",
  BAD_COLLECTION_TYPE: "Taggen passar inte värdet. Ta bort taggen.",
  TAG_RESOLVE_FAILED: "Okänd tagg (!…). Ta bort taggen; taggar används inte i överenskommelser.",
  NON_STRING_KEY: "Nycklar ska vara enkla ord, inte listor eller objekt.",
  BAD_DQ_ESCAPE:
    "Ogiltig escape-sekvens (\\…) inom citattecken. Skriv \\\\ för ett omvänt snedstreck.",
  BAD_SCALAR_START: "Ett värde utan citattecken kan inte börja med det här tecknet.",
  BAD_DIRECTIVE: "Felaktigt direktiv (%…). Ta bort raden.",
  ALIAS_PROPS: "Ett alias (*namn) kan inte ha ankare eller tagg.",
  BAD_PROP_ORDER: "Ankare (&namn) och taggar (!…) står på fel ställe.",
  MULTIPLE_ANCHORS: "Ett värde kan ha högst ett ankare (&namn).",
  MULTIPLE_TAGS: "Ett värde kan ha högst en tagg (!…).",
};

/**
 * A Swedish message for any error or warning of the yaml library: never its English text, which
 * a user of the tool is not expected to read.
 */
export function translate(error: Pick<YAMLError, "code" | "message">): string {
  const reason = error.message.split("\n")[0] ?? "";
  for (const [pattern, text] of REASONS) if (pattern.test(reason)) return text;
  return BY_CODE[error.code] ?? "Filen följer inte YAML-syntaxen här. Kontrollera raden.";
}

/** Diagnostics for a file's YAML errors (`errors` from parsing `text` with PARSE_OPTIONS). */
export function yamlDiagnostics(
  path: string,
  text: string,
  errors: readonly YAMLError[],
  lineCounter: LineCounter,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (line: number, col: number, text: string, rule: RuleId): Diagnostic => ({
    file: path,
    line,
    col,
    severity: "fel",
    message: text,
    rule,
  });
  let lines = text.split("\n");
  let current = { errors: [...errors], lineCounter };
  const repaired = new Map<number, Repair>();
  const trials = { left: MAX_TRIALS };
  for (let n = 0; n < MAX_REPAIRS && current.errors.length > 0; n++) {
    const found = findRepair(lines, current.errors, current.lineCounter, trials);
    if (!found) break;
    // A line re-indented twice keeps the indentation it has in the file.
    const { line, indent } = found.repair;
    repaired.set(line, { ...found.repair, indent: repaired.get(line)?.indent ?? indent });
    lines = found.lines;
    current = found.after;
  }
  for (const { line, indent, should } of repaired.values()) {
    out.push(
      at(
        line + 1,
        indent + 1,
        `Raden är indragen ${indent} mellanslag men ska troligen vara indragen ${should}, som raderna på samma nivå. Nycklar i samma objekt ska börja i samma kolumn.`,
        "yaml-indrag",
      ),
    );
  }
  const seen = new Set<string>();
  for (const error of current.errors) {
    const pos = current.lineCounter.linePos(error.pos[0]);
    // Columns on a re-indented line are shifted back to where they are in the file.
    const fix = repaired.get(pos.line - 1);
    const col = fix ? pos.col - fix.should + fix.indent : pos.col;
    const { text: msg, rule } = message(error, lines[pos.line - 1] ?? "");
    const key = `${pos.line}:${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(at(pos.line, col, msg, rule ?? yamlRule(error.code)));
  }
  return out;
}
