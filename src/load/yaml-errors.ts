/**
 * YAML syntax errors as Swedish diagnostics, one per slip. The yaml library reports a slip where it
 * notices it, often on a neighbouring line and followed by errors that only follow from it: one
 * line indented a space too far gives two or three errors, one line short of a space five or more.
 * A mis-indented line is found by asking the library itself: the line near the first error whose
 * re-indentation (to the indentation of a line near it) makes those errors go away is the one to
 * report, once, with the indentation it should have; the errors it caused are dropped.
 */
import { LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics.js";

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
function message(error: YAMLError, line: string): { text: string; rule?: string } {
  if (/^\s*\t/.test(line) || error.code === "TAB_AS_INDENT") {
    return {
      text: "Tabbtecken används för indrag. YAML kräver mellanslag; ersätt tabben med mellanslag.",
    };
  }
  const original = error.message.split("\n")[0];
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
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return {
        text: `Felaktigt indrag eller oväntat tecken. Kontrollera att raden är indragen med mellanslag som raderna runt omkring. (${original})`,
      };
    case "BAD_ALIAS":
      return { text: "Aliaset (*namn) hänvisar till ett ankare (&namn) som inte finns." };
    default:
      return { text: `YAML-fel: ${original}` };
  }
}

/** Diagnostics for a file's YAML errors (`errors` from parsing `text` with PARSE_OPTIONS). */
export function yamlDiagnostics(
  path: string,
  text: string,
  errors: readonly YAMLError[],
  lineCounter: LineCounter,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (line: number, col: number, text: string, rule: string): Diagnostic => ({
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
    out.push(
      at(pos.line, col, msg, rule ?? `yaml-${error.code.toLowerCase().replaceAll("_", "-")}`),
    );
  }
  return out;
}
