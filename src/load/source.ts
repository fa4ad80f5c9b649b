import {
  type CST,
  type Document,
  isCollection,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  type Pair,
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

/** The source offset of a node (or of a pair's key), 0 when it has none. */
const offsetOf = (node: Node | Pair): number => {
  const at = isNode(node) ? node : isNode(node.key) ? node.key : undefined;
  return at?.range?.[0] ?? 0;
};

/** The source offset of the first node nested deeper than MAX_YAML_DEPTH (walked without recursion). */
function tooDeep(root: unknown): number | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!isNode(node) && !isPair(node)) continue;
    if (depth > MAX_YAML_DEPTH) return offsetOf(node);
    if (isPair(node)) stack.push([node.value, depth], [node.key, depth]);
    else if (isCollection(node)) for (const item of node.items) stack.push([item, depth + 1]);
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

/** The source offset of the key at the end of `path` (a misspelt key), when there is one. */
function keyOffset(file: SourceFile, path: YamlPath): number | undefined {
  const parent = path.length > 1 ? file.doc.getIn(path.slice(0, -1), true) : file.doc.contents;
  if (!parent || !isNode(parent) || !("items" in parent)) return undefined;
  const last = path[path.length - 1];
  let offset: number | undefined;
  for (const item of parent.items as unknown[]) {
    const k = (item as { key?: { value?: unknown; range?: number[] } }).key;
    if (k && k.value === last && k.range) offset = k.range[0];
  }
  return offset;
}

/** The source offset of the node at `path`, when there is one. */
function nodeOffset(file: SourceFile, path: YamlPath): number | undefined {
  const node = path.length === 0 ? file.doc.contents : file.doc.getIn(path, true);
  return node && isNode(node) && node.range ? node.range[0] : undefined;
}

/** Position of a node by its path in the data; falls back to the nearest existing ancestor. */
export function locate(
  file: SourceFile,
  path: YamlPath,
  key = false,
): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    // Point at the key itself (e.g. a misspelt key) rather than its value.
    const atKey = key && n === path.length && n > 0 ? keyOffset(file, sub) : undefined;
    const offset = atKey ?? nodeOffset(file, sub);
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

const offsetsOf = new WeakMap<Scalar, readonly number[] | undefined>();

/**
 * The source offset of every UTF-16 unit of a scalar's value, or undefined when the scalar's
 * tokens are not available or the rebuilt value differs from the parsed one. The rules are the
 * yaml library's own (compose/resolve-flow-scalar.js, resolve-block-scalar.js), followed step by
 * step while recording where each character comes from.
 */
function scalarOffsets(text: string, node: Scalar): readonly number[] | undefined {
  // A node is of one file, whose text does not change: its offsets are worked out once (a
  // scalar with several warnings, or a warning and its --fix edit, asks again).
  if (offsetsOf.has(node)) return offsetsOf.get(node);
  const offsets = builtOffsets(text, node);
  offsetsOf.set(node, offsets);
  return offsets;
}

/** `scalarOffsets`, worked out. */
function builtOffsets(text: string, node: Scalar): number[] | undefined {
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

/** A value being rebuilt with the source offset of each of its UTF-16 units. */
class Builder implements Built {
  value = "";
  at: number[] = [];
  emit(s: string, at: number): void {
    this.value += s;
    for (let k = 0; k < s.length; k++) this.at.push(at);
  }
}

/**
 * Skips the line break at `i` and the next lines' leading whitespace, up to `end`; returns where
 * the text goes on and the breaks of the empty lines skipped.
 */
function fold(text: string, i: number, end: number): { next: number; empty: number[] } {
  const empty: number[] = [];
  let j = i + (text[i] === "\r" ? 2 : 1);
  for (;;) {
    while (j < end && (text[j] === " " || text[j] === "\t")) j++;
    if (j >= end || !isBreak(text, j)) return { next: j, empty };
    empty.push(j);
    j += text[j] === "\r" ? 2 : 1;
  }
}

/** A line break in a flow scalar: a space, or a newline per empty line; returns where to go on. */
function lineBreak(text: string, i: number, end: number, out: Builder): number {
  const { next, empty } = fold(text, i, end);
  if (empty.length === 0) out.emit(" ", i);
  for (const at of empty) out.emit("\n", at);
  return next;
}

/** A double-quoted scalar's escape at `i` (the backslash): emits it, returns where to go on. */
function escapeAt(text: string, i: number, out: Builder): number {
  const next = text[i + 1] as string;
  if (isBreak(text, i + 1)) {
    // An escaped line break joins the lines without a space; the next line's indent goes.
    let j = i + (next === "\r" ? 3 : 2);
    while (text[j] === " " || text[j] === "\t") j++;
    return j;
  }
  if (next === "x" || next === "u" || next === "U") {
    const length = next === "x" ? 2 : next === "u" ? 4 : 8;
    const code = Number.parseInt(text.slice(i + 2, i + 2 + length), 16);
    out.emit(String.fromCodePoint(code), i);
    return i + 2 + length;
  }
  out.emit(ESCAPES[next] ?? `\\${next}`, i);
  return i + 2;
}

/**
 * One step of a flow scalar at `i` that is no line break or whitespace: a doubled single quote,
 * an escape or a plain character. Returns where to go on.
 */
function flowCharacter(text: string, i: number, type: string, out: Builder): number {
  const ch = text[i] as string;
  if (type === "single-quoted-scalar" && ch === "'" && text[i + 1] === "'") {
    out.emit("'", i);
    return i + 2;
  }
  if (type === "double-quoted-scalar" && ch === "\\") return escapeAt(text, i, out);
  out.emit(ch, i);
  return i + 1;
}

/** Plain, single- and double-quoted scalars: `start`/`end` span the token, quotes included. */
function flowScalarOffsets(text: string, start: number, end: number, type: string): Built {
  const quoted = type !== "scalar";
  const out = new Builder();
  // Whitespace is held back until it is known not to end a line (trailing whitespace is trimmed).
  let pending: number[] = [];
  let i = quoted ? start + 1 : start;
  const stop = quoted ? end - 1 : end;
  while (i < stop) {
    if (isBreak(text, i)) {
      pending = [];
      i = lineBreak(text, i, end, out);
    } else if (text[i] === " " || text[i] === "\t") {
      pending.push(i++);
    } else {
      for (const at of pending) out.emit(text[at] as string, at);
      pending = [];
      i = flowCharacter(text, i, type, out);
    }
  }
  for (const at of pending) out.emit(text[at] as string, at);
  return out;
}

/** A line of a block scalar: its indent, its content and the offset of its first character. */
type BlockLine = [indent: string, content: string, at: number];

const blankLine = (content: string) => content === "" || content === "\r";
const lineEndOf = ([indent, content, at]: BlockLine) =>
  at + indent.length + content.length - (content.endsWith("\r") ? 1 : 0);

/** The lines of a block scalar's body, as the library splits them (a final newline ends in ""). */
function blockLines(token: CST.BlockScalar, bodyStart: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let lineStart = bodyStart;
  for (const line of token.source.split("\n")) {
    const indent = line.match(/^ */)?.[0] ?? "";
    lines.push([indent, line.slice(indent.length), lineStart]);
    lineStart += line.length + 1;
  }
  return lines;
}

/** The indent to trim and the first line with content (the indentation indicator, or detected). */
function blockIndent(
  lines: readonly BlockLine[],
  chompStart: number,
  parentIndent: number,
  explicit: number,
): { trimIndent: number; contentStart: number } {
  let trimIndent = parentIndent + explicit;
  for (let i = 0; i < chompStart; i++) {
    const [indent, content] = lines[i] as BlockLine;
    if (!blankLine(content)) {
      return { trimIndent: explicit === 0 ? indent.length : trimIndent, contentStart: i };
    }
    if (explicit === 0 && indent.length > trimIndent) trimIndent = indent.length;
  }
  return { trimIndent, contentStart: 0 };
}

/** Trailing blank lines indented more than the content belong to it, not to the chomping. */
function trailingStart(
  lines: readonly BlockLine[],
  chompStart: number,
  trimIndent: number,
): number {
  // From the end: the last such line ends the content.
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if ((lines[i]?.[0].length ?? 0) > trimIndent) return i + 1;
  }
  return chompStart;
}

/** Emits a block scalar's lines, tracking the separator between them (literal or folded). */
class BlockEmitter {
  sep = "";
  sepAt: number;
  prevMoreIndented = false;
  constructor(
    readonly out: Builder,
    readonly trimIndent: number,
    bodyStart: number,
  ) {
    this.sepAt = bodyStart;
  }

  /** The line's characters from the trimmed indent on, each at its own offset. */
  line([indent, content, at]: BlockLine): void {
    const body = (indent.slice(this.trimIndent) + content).replace(/\r$/, "");
    const first = at + Math.min(indent.length, this.trimIndent);
    for (let k = 0; k < body.length; k++) this.out.emit(body[k] as string, first + k);
  }

  /** A literal scalar's line: kept as it is. */
  literal(line: BlockLine): void {
    this.out.emit(this.sep, this.sepAt);
    this.line(line);
    this.sep = "\n";
    this.sepAt = lineEndOf(line);
  }

  /** A folded scalar's line: lines of text join with a space, more-indented lines keep breaks. */
  folded(line: BlockLine): void {
    const [indent, raw] = line;
    const content = raw.replace(/\r$/, "");
    if (indent.length > this.trimIndent || content[0] === "\t") {
      if (this.sep === " ") this.sep = "\n";
      else if (!this.prevMoreIndented && this.sep === "\n") this.sep = "\n\n";
      this.out.emit(this.sep, this.sepAt);
      this.line(line);
      this.sep = "\n";
      this.prevMoreIndented = true;
    } else if (content === "") {
      if (this.sep === "\n") this.out.emit("\n", line[2]);
      else this.sep = "\n";
      return;
    } else {
      this.out.emit(this.sep, this.sepAt);
      this.line(line);
      this.sep = " ";
      this.prevMoreIndented = false;
    }
    this.sepAt = lineEndOf(line);
  }

  /** The final line break(s) as the chomping indicator says: strip, clip or keep. */
  chomp(chomp: string, trailing: readonly BlockLine[]): void {
    if (chomp === "") this.out.emit("\n", this.sepAt);
    if (chomp !== "+") return;
    for (const line of trailing) {
      this.out.emit("\n", this.sepAt);
      this.line([line[0], "", line[2]]);
      this.sepAt = lineEndOf(line);
    }
    if (!this.out.value.endsWith("\n")) this.out.emit("\n", this.sepAt);
  }
}

/** A block scalar's header: folded or literal, indentation indicator, chomping; and where its body starts. */
function blockHeader(
  token: CST.BlockScalar,
): { folded: boolean; explicit: number; chomp: string; bodyStart: number } | undefined {
  const header = token.props[0];
  if (header?.type !== "block-scalar-header") return undefined;
  return {
    folded: header.source[0] === ">",
    explicit: Number(header.source.match(/[1-9]/)?.[0] ?? 0),
    chomp: header.source.includes("-") ? "-" : header.source.includes("+") ? "+" : "",
    bodyStart: token.props.reduce(
      (n, t) => n + ("source" in t && typeof t.source === "string" ? t.source.length : 0),
      token.offset,
    ),
  };
}

/** Literal (`|`) and folded (`>`) block scalars, with indentation indicator and chomping. */
function blockScalarOffsets(token: CST.BlockScalar): Built | undefined {
  const header = blockHeader(token);
  if (!header) return undefined;
  const { folded, explicit, chomp, bodyStart } = header;
  const lines = blockLines(token, bodyStart);
  let chompStart = lines.length;
  while (chompStart > 0 && blankLine(lines[chompStart - 1]?.[1] ?? "")) chompStart--;
  const out = new Builder();
  if (chompStart === 0) {
    out.emit(
      chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "",
      bodyStart,
    );
    return out;
  }
  const { trimIndent, contentStart } = blockIndent(lines, chompStart, token.indent, explicit);
  chompStart = trailingStart(lines, chompStart, trimIndent);
  const emitter = new BlockEmitter(out, trimIndent, bodyStart);
  for (const line of lines.slice(0, contentStart)) {
    emitter.line([line[0], "", line[2]]);
    out.emit("\n", lineEndOf(line));
  }
  for (const line of lines.slice(contentStart, chompStart)) {
    if (folded) emitter.folded(line);
    else emitter.literal(line);
  }
  emitter.chomp(chomp, lines.slice(chompStart));
  return out;
}

const isBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, 8000).includes(0);

type At = (message: string, rule: RuleId, line?: number, col?: number) => Diagnostic;

/** The file's text, or why it is not a YAML text: too large, binary, not UTF-8, empty. */
function decodeText(bytes: Uint8Array, at: At): string | Diagnostic {
  if (bytes.length > MAX_FILE_BYTES) {
    return at(
      `Filen är för stor (${bytes.length} byte); högst ${MAX_FILE_BYTES} byte tillåts.`,
      "fil-for-stor",
    );
  }
  if (isBinary(bytes))
    return at("Filen är inte en textfil (den innehåller binära data).", "fil-binar");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    return at(
      "Filen är inte kodad som UTF-8. Spara den som UTF-8 så att å, ä och ö blir rätt.",
      "fil-inte-utf8",
      lines.length,
      (lines[lines.length - 1]?.length ?? 0) + 1,
    );
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "" || /^(\s*#[^\n]*\n?)*\s*$/.test(text))
    return at("Filen är tom.", "fil-tom");
  return text;
}

/** The YAML syntax errors and warnings of a parsed document. */
function syntaxDiagnostics(
  path: string,
  text: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  at: At,
): Diagnostic[] {
  const diagnostics = [...yamlDiagnostics(path, text, doc.errors, lineCounter)];
  for (const warning of doc.warnings) {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    diagnostics.push({
      ...at(translate(warning), "yaml-varning", line, col),
      severity: "varning",
    });
  }
  return diagnostics;
}

/** A value nested deeper than MAX_YAML_DEPTH, at its place; undefined when none is. */
function depthProblem(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  at: At,
): Diagnostic | undefined {
  const deep = tooDeep(doc.contents);
  if (deep === undefined) return undefined;
  const { line, col } = lineCounter.linePos(deep);
  return at(
    `Värdet är nästlat i fler än ${MAX_YAML_DEPTH} nivåer (listor och objekt i varandra); så djupt går ingen överenskommelse.`,
    "yaml-for-djup",
    line,
    col,
  );
}

/** The document's value, or why it cannot be had: too many aliases (an alias bomb). */
function toValue(doc: Document.Parsed, text: string, at: At): { value: unknown } | Diagnostic {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return at(
        `För många alias (*namn) i filen; högst ${MAX_ALIAS_COUNT} tillåts. Filen kan vara en så kallad aliasbomb.`,
        "yaml-aliasbomb",
        ...aliasPosition(text),
      );
    }
    return at(translate({ code: "IMPOSSIBLE", message }), "yaml-fel", ...aliasPosition(text));
  }
}

/**
 * Decodes and parses one YAML file. Every problem becomes a diagnostic: not UTF-8, binary, empty,
 * too large, YAML syntax errors (tabs, bad indentation), duplicate keys, alias bombs.
 */
export function parseSource(
  path: string,
  bytes: Uint8Array,
): { file?: SourceFile; diagnostics: Diagnostic[] } {
  const at: At = (message, rule, line = 1, col = 1) => ({
    file: path,
    line,
    col,
    severity: "fel",
    message,
    rule,
  });
  const text = decodeText(bytes, at);
  if (typeof text !== "string") return { diagnostics: [text] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    ...PARSE_OPTIONS,
    lineCounter,
    // Block scalars' CST tokens (header, parent indent) map value offsets back to the source.
    keepSourceTokens: true,
  });
  const diagnostics = syntaxDiagnostics(path, text, doc, lineCounter, at);
  if (hasErrors(diagnostics)) return { diagnostics };
  const deep = depthProblem(doc, lineCounter, at);
  if (deep) return { diagnostics: [deep] };
  const parsed = toValue(doc, text, at);
  if (!("value" in parsed)) return { diagnostics: [parsed] };
  const file: SourceFile = { path, bytes, text, doc, lineCounter, value: parsed.value };
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
