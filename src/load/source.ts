import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import { type Diagnostic, hasErrors } from "../diagnostics.js";

/** Largest YAML file accepted; agreements are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases allowed per file before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

/** One YAML source file with what is needed to point back into it. */
export interface SourceFile {
  /** Path as shown in diagnostics. */
  path: string;
  bytes: Uint8Array;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The parsed value (undefined when the file had fatal errors). */
  value: unknown;
}

/** Position of a node by its path in the data; falls back to the nearest existing ancestor. */
export function locate(
  file: SourceFile,
  path: YamlPath,
  key = false,
): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    let offset: number | undefined;
    if (key && n === path.length && n > 0) {
      // Point at the key itself (e.g. a misspelt key) rather than its value.
      const parent = sub.length > 1 ? file.doc.getIn(sub.slice(0, -1), true) : file.doc.contents;
      const last = sub[sub.length - 1];
      if (parent && isNode(parent) && "items" in parent) {
        for (const item of parent.items as unknown[]) {
          const k = (item as { key?: { value?: unknown; range?: number[] } }).key;
          if (k && k.value === last && k.range) offset = k.range[0];
        }
      }
    }
    if (offset === undefined) {
      const node = sub.length === 0 ? file.doc.contents : file.doc.getIn(sub, true);
      if (node && isNode(node) && node.range) offset = node.range[0];
    }
    if (offset !== undefined) {
      const { line, col } = file.lineCounter.linePos(offset);
      return { line, col };
    }
  }
  return { line: 1, col: 1 };
}

const isBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, 8000).includes(0);

/**
 * Decodes and parses one YAML file. Every problem becomes a diagnostic: not UTF-8, binary, empty,
 * too large, YAML syntax errors (tabs, bad indentation), duplicate keys, alias bombs.
 */
export function parseSource(
  path: string,
  bytes: Uint8Array,
): { file?: SourceFile; diagnostics: Diagnostic[] } {
  const at = (message: string, rule: string, line = 1, col = 1): Diagnostic => ({
    file: path,
    line,
    col,
    severity: "fel",
    message,
    rule,
  });
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      diagnostics: [
        at(
          `Filen är för stor (${bytes.length} byte); högst ${MAX_FILE_BYTES} byte tillåts.`,
          "fil-for-stor",
        ),
      ],
    };
  }
  if (isBinary(bytes)) {
    return {
      diagnostics: [at("Filen är inte en textfil (den innehåller binära data).", "fil-binar")],
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    return {
      diagnostics: [
        at(
          "Filen är inte kodad som UTF-8. Spara den som UTF-8 så att å, ä och ö blir rätt.",
          "fil-inte-utf8",
          lines.length,
          (lines[lines.length - 1]?.length ?? 0) + 1,
        ),
      ],
    };
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "" || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return { diagnostics: [at("Filen är tom.", "fil-tom")] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    diagnostics.push(
      at(
        yamlErrorMessage(error.code, error.message, text, error.pos[0]),
        `yaml-${error.code.toLowerCase().replaceAll("_", "-")}`,
        line,
        col,
      ),
    );
  }
  for (const warning of doc.warnings) {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    diagnostics.push({
      ...at(`YAML: ${warning.message}`, "yaml-varning", line, col),
      severity: "varning",
    });
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return {
        diagnostics: [
          at(
            `För många alias (*namn) i filen; högst ${MAX_ALIAS_COUNT} tillåts. Filen kan vara en så kallad aliasbomb.`,
            "yaml-aliasbomb",
            ...aliasPosition(text),
          ),
        ],
      };
    }
    return { diagnostics: [at(`Filen kunde inte läsas som YAML: ${message}`, "yaml-fel")] };
  }
  return { file: { path, bytes, text, doc, lineCounter, value }, diagnostics };
}

function aliasPosition(text: string): [number, number] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const col = (lines[i] ?? "").search(/\*[A-Za-z0-9_-]/);
    if (col >= 0) return [i + 1, col + 1];
  }
  return [1, 1];
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode (prefix decoding is monotone
  // up to a trailing incomplete sequence, which `stream: true` tolerates).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function yamlErrorMessage(code: string, original: string, text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const line = text.slice(
    lineStart,
    text.indexOf("\n", offset) === -1 ? undefined : text.indexOf("\n", offset),
  );
  if (/^\s*\t/.test(line) || code === "TAB_AS_INDENT") {
    return "Tabbtecken används för indrag. YAML kräver mellanslag; ersätt tabben med mellanslag.";
  }
  switch (code) {
    case "DUPLICATE_KEY":
      return "Nyckeln förekommer två gånger i samma objekt. Ta bort eller byt namn på den ena.";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return `Felaktigt indrag eller oväntat tecken. Kontrollera att raden är indragen med mellanslag som raderna runt omkring. (${original.split("\n")[0]})`;
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "En nyckel saknar kolon eller sträcker sig över flera rader. Skriv nyckel: värde på en rad.";
    case "BAD_ALIAS":
      return "Aliaset (*namn) hänvisar till ett ankare (&namn) som inte finns.";
    default:
      return `YAML-fel: ${original.split("\n")[0]}`;
  }
}
