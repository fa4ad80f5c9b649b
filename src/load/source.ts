import {
  type CST,
  type Document,
  isCollection,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Scalar,
} from "yaml";
import type { RuleId } from "../diagnostics.js";
import { type Diagnostic, hasErrors } from "../diagnostics.js";
import { checkLimits } from "./limits.js";
import { PARSE_OPTIONS, translate, yamlDiagnostics } from "./yaml-errors.js";

/** Largest YAML file accepted; agreements are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases allowed per file before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Deepest nesting of lists and objects accepted; an agreement needs fewer than ten levels. */
export const MAX_YAML_DEPTH = 40;

/** The source offset of the first node nested deeper than MAX_YAML_DEPTH (walked without recursion). */
function tooDeep(root: unknown): number | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!isNode(node) && !isPair(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      const at = isNode(node) ? node : isNode(node.key) ? node.key : undefined;
      return at?.range?.[0] ?? 0;
    }
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isCollection(node)) {
      for (const item of node.items) stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

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

/**
 * Position of one character of a scalar's value: `valueOffset` is an index into the string the
 * YAML resolves to (e.g. where a regular expression matched in it), mapped back to the line and
 * column of that character in the source. Exact for every character the source holds as written,
 * in every scalar style: plain and quoted scalars over several lines, double-quoted escapes
 * (`\t`, `\u00e5`, `\"`: the backslash), `''` in single quotes (the first quote), literal and
 * folded block scalars with any indentation and chomping. Characters that YAML makes up are placed
 * at the nearest source position: a space or newline from folded lines at the end of the line
 * before it, a newline from chomping at the end of the last line. An offset past the end points
 * at the last character. When the path does not lead to a scalar, or the mapping disagrees with
 * the parsed value (which would be a bug), the node's own position is used, as `locate` gives it.
 */
export function locateInScalar(
  file: SourceFile,
  path: YamlPath,
  valueOffset: number,
): { line: number; col: number } {
  const node = path.length === 0 ? file.doc.contents : file.doc.getIn(path, true);
  return (isScalar(node) && positionInScalar(file, node, valueOffset)) || locate(file, path);
}

/** `locateInScalar` for a scalar node at hand; undefined when its characters cannot be mapped. */
export function positionInScalar(
  file: SourceFile,
  node: Scalar,
  valueOffset: number,
): { line: number; col: number } | undefined {
  const offsets = scalarOffsets(file.text, node);
  if (!offsets || offsets.length === 0) return undefined;
  const at = offsets[Math.max(0, Math.min(Math.trunc(valueOffset), offsets.length - 1))] as number;
  const { line, col } = file.lineCounter.linePos(at);
  return { line, col };
}

/**
 * The source range `[start, end)` in `file.text` of the characters `[valueStart, valueEnd)` of the
 * string scalar at `path`, when the source holds exactly those characters there, as written (no
 * escape, no folded line break, no doubled quote inside): then replacing that range replaces those
 * characters of the value and nothing else. Undefined otherwise, or when the path does not lead to
 * a string scalar.
 */
export function sourceRangeInScalar(
  file: SourceFile,
  path: YamlPath,
  valueStart: number,
  valueEnd: number,
): { start: number; end: number } | undefined {
  const node = path.length === 0 ? file.doc.contents : file.doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== "string" || valueEnd <= valueStart) return;
  const offsets = scalarOffsets(file.text, node);
  const first = offsets?.[valueStart];
  const last = offsets?.[valueEnd - 1];
  if (first === undefined || last === undefined) return;
  const start = first;
  const end = last + 1;
  return file.text.slice(start, end) === node.value.slice(valueStart, valueEnd)
    ? { start, end }
    : undefined;
}

/**
 * The source offset of every UTF-16 unit of a scalar's value, or undefined when the scalar's
 * tokens are not available or the rebuilt value differs from the parsed one. The rules are the
 * yaml library's own (compose/resolve-flow-scalar.js, resolve-block-scalar.js), followed step by
 * step while recording where each character comes from.
 */
function scalarOffsets(text: string, node: Scalar): number[] | undefined {
  const token = node.srcToken as CST.FlowScalar | CST.BlockScalar | undefined;
  if (!token) return undefined;
  const built =
    token.type === "block-scalar"
      ? blockScalarOffsets(token)
      : flowScalarOffsets(text, token.offset, token.offset + token.source.length, token.type);
  if (!built) return undefined;
  // Values other than strings (numbers, dates) are plain scalars: their source is their text.
  return typeof node.value !== "string" || built.value === node.value ? built.at : undefined;
}

interface Built {
  value: string;
  at: number[];
}

const isBreak = (text: string, i: number): boolean =>
  text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n");

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
};

/** Plain, single- and double-quoted scalars: `start`/`end` span the token, quotes included. */
function flowScalarOffsets(text: string, start: number, end: number, type: string): Built {
  const quoted = type !== "scalar";
  const out: Built = { value: "", at: [] };
  const emit = (s: string, at: number) => {
    out.value += s;
    for (let k = 0; k < s.length; k++) out.at.push(at);
  };
  // Whitespace is held back until it is known not to end a line (trailing whitespace is trimmed).
  let pending: number[] = [];
  const flush = () => {
    for (const at of pending) emit(text[at] as string, at);
    pending = [];
  };
  /** Skips a line break and the next lines' leading whitespace; returns the empty lines' breaks. */
  const fold = (i: number): { next: number; empty: number[] } => {
    const empty: number[] = [];
    let j = i + (text[i] === "\r" ? 2 : 1);
    for (;;) {
      while (j < end && (text[j] === " " || text[j] === "\t")) j++;
      if (j < end && isBreak(text, j)) {
        empty.push(j);
        j += text[j] === "\r" ? 2 : 1;
      } else return { next: j, empty };
    }
  };
  let i = quoted ? start + 1 : start;
  const stop = quoted ? end - 1 : end;
  while (i < stop) {
    const ch = text[i] as string;
    if (isBreak(text, i)) {
      pending = [];
      const { next, empty } = fold(i);
      if (empty.length === 0) emit(" ", i);
      for (const at of empty) emit("\n", at);
      i = next;
    } else if (ch === " " || ch === "\t") {
      pending.push(i++);
    } else if (type === "single-quoted-scalar" && ch === "'" && text[i + 1] === "'") {
      flush();
      emit("'", i);
      i += 2;
    } else if (type === "double-quoted-scalar" && ch === "\\") {
      flush();
      const next = text[i + 1] as string;
      if (isBreak(text, i + 1)) {
        // An escaped line break joins the lines without a space; the next line's indent goes.
        i += next === "\r" ? 3 : 2;
        while (text[i] === " " || text[i] === "\t") i++;
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        const code = Number.parseInt(text.slice(i + 2, i + 2 + length), 16);
        emit(String.fromCodePoint(code), i);
        i += 2 + length;
      } else {
        emit(ESCAPES[next] ?? `\\${next}`, i);
        i += 2;
      }
    } else {
      flush();
      emit(ch, i++);
    }
  }
  flush();
  return out;
}

/** Literal (`|`) and folded (`>`) block scalars, with indentation indicator and chomping. */
function blockScalarOffsets(token: CST.BlockScalar): Built | undefined {
  const header = token.props[0];
  if (header?.type !== "block-scalar-header") return undefined;
  const folded = header.source[0] === ">";
  const explicit = Number(header.source.match(/[1-9]/)?.[0] ?? 0);
  const chomp = header.source.includes("-") ? "-" : header.source.includes("+") ? "+" : "";
  const bodyStart = token.props.reduce(
    (n, t) => n + ("source" in t && typeof t.source === "string" ? t.source.length : 0),
    token.offset,
  );
  // As the library splits them: a source ending in a newline has an empty last line.
  // [indent, content, offset of the line's first character]
  const lines: [string, string, number][] = [];
  let lineStart = bodyStart;
  for (const line of token.source.split("\n")) {
    const indent = line.match(/^ */)?.[0] ?? "";
    lines.push([indent, line.slice(indent.length), lineStart]);
    lineStart += line.length + 1;
  }
  const blank = (content: string) => content === "" || content === "\r";
  const lineEnd = ([indent, content, at]: [string, string, number]) =>
    at + indent.length + content.length - (content.endsWith("\r") ? 1 : 0);

  let chompStart = lines.length;
  while (chompStart > 0 && blank(lines[chompStart - 1]?.[1] ?? "")) chompStart--;
  const out: Built = { value: "", at: [] };
  const emit = (s: string, at: number) => {
    out.value += s;
    for (let k = 0; k < s.length; k++) out.at.push(at);
  };
  if (chompStart === 0) {
    emit(
      chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "",
      bodyStart,
    );
    return out;
  }
  let trimIndent = token.indent + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const [indent, content] = lines[i] as [string, string, number];
    if (blank(content)) {
      if (explicit === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (explicit === 0) trimIndent = indent.length;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if ((lines[i]?.[0].length ?? 0) > trimIndent) chompStart = i + 1;
  }
  /** The line's characters from the trimmed indent on, each at its own offset. */
  const emitLine = ([indent, content, at]: [string, string, number]) => {
    const body = (indent.slice(trimIndent) + content).replace(/\r$/, "");
    const first = at + Math.min(indent.length, trimIndent);
    for (let k = 0; k < body.length; k++) emit(body[k] as string, first + k);
  };
  for (let i = 0; i < contentStart; i++) {
    const line = lines[i] as [string, string, number];
    emitLine([line[0], "", line[2]]);
    emit("\n", lineEnd(line));
  }
  let sep = "";
  let sepAt = bodyStart;
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i] as [string, string, number];
    const [indent, raw] = line;
    const content = raw.replace(/\r$/, "");
    if (!folded) {
      emit(sep, sepAt);
      emitLine(line);
      sep = "\n";
    } else if (indent.length > trimIndent || content[0] === "\t") {
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      emit(sep, sepAt);
      emitLine(line);
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") emit("\n", line[2]);
      else sep = "\n";
      continue;
    } else {
      emit(sep, sepAt);
      emitLine(line);
      sep = " ";
      prevMoreIndented = false;
    }
    sepAt = lineEnd(line);
  }
  if (chomp === "+") {
    for (let i = chompStart; i < lines.length; i++) {
      const line = lines[i] as [string, string, number];
      emit("\n", sepAt);
      emitLine([line[0], "", line[2]]);
      sepAt = lineEnd(line);
    }
    if (!out.value.endsWith("\n")) emit("\n", sepAt);
  } else if (chomp === "") emit("\n", sepAt);
  return out;
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
  const at = (message: string, rule: RuleId, line = 1, col = 1): Diagnostic => ({
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
    ...PARSE_OPTIONS,
    lineCounter,
    // Block scalars' CST tokens (header, parent indent) map value offsets back to the source.
    keepSourceTokens: true,
  });
  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...yamlDiagnostics(path, text, doc.errors, lineCounter));
  for (const warning of doc.warnings) {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    diagnostics.push({
      ...at(translate(warning), "yaml-varning", line, col),
      severity: "varning",
    });
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const deep = tooDeep(doc.contents);
  if (deep !== undefined) {
    const { line, col } = lineCounter.linePos(deep);
    return {
      diagnostics: [
        at(
          `Värdet är nästlat i fler än ${MAX_YAML_DEPTH} nivåer (listor och objekt i varandra); så djupt går ingen överenskommelse.`,
          "yaml-for-djup",
          line,
          col,
        ),
      ],
    };
  }
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
    return {
      diagnostics: [
        at(translate({ code: "IMPOSSIBLE", message }), "yaml-fel", ...aliasPosition(text)),
      ],
    };
  }
  const file: SourceFile = { path, bytes, text, doc, lineCounter, value };
  // Values over a limit are not passed on: later stages could be slow or write invalid files.
  const limits = checkLimits(file);
  if (limits.length > 0) return { diagnostics: [...diagnostics, ...limits] };
  return { file, diagnostics };
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
