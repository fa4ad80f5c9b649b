/**
 * The next edition of an agreement (`iop new <dir> --from <old>`): the same parties, sections,
 * wording and bilagor, with what belongs to the old edition only reset. The YAML is edited in
 * place by the source ranges of its nodes (from the `yaml` library's parse), so every other
 * byte, comments and layout included, stays as it was and `iop diff` shows only these changes:
 *
 * - `id` becomes the new folder's name and `status` goes back to `utkast`;
 * - the dates and amounts of the old edition (versionsdatum, the decision's date and reference,
 *   every `belopp`, an own contribution's `värde`, a formula's population year and count) become
 *   `{ saknas: "… ska bekräftas för den nya upplagan (förra upplagan: <old value>)" }`, so
 *   `iop check` lists each one until it is confirmed; a budget's stated `summa`, which cannot be
 *   marked so, is taken out (a comment keeps the old value), as it is derived from the rows;
 * - the period's dates and the signing year, which the schema does not let be marked missing,
 *   keep their values under a comment that asks to confirm them;
 * - each bilaga's `ändringslogg` is emptied (the log belongs to the edition it amended).
 */
import { relative } from "node:path";
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from "yaml";
import { schemaPath } from "../paths.js";
import type { GeneratedFile } from "./skeleton.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What is done to a file, for the summary `iop new` prints. */
export interface EditionChange {
  file: string;
  /** The data path, e.g. "parter › 0 › undertecknare". */
  path: string;
  what: "id" | "status" | "bekräfta" | "summa" | "kommentar" | "ändringslogg";
  old?: string;
}

const quote = (s: string) => JSON.stringify(s);

const pathText = (path: readonly (string | number)[]) => path.join(" › ");

/** The pair with key `key` of a map node, if any. */
const pairOf = (map: unknown, key: string): Pair<Scalar, Node> | undefined =>
  isMap(map)
    ? (map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as
        | Pair<Scalar, Node>
        | undefined)
    : undefined;

/** The start of the line that holds offset `at`. */
const lineStart = (text: string, at: number) => text.lastIndexOf("\n", at - 1) + 1;

/** Applies edits (non-overlapping source ranges) from the end, so earlier offsets stay valid. */
function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

interface Context {
  file: string;
  text: string;
  edits: Edit[];
  changes: EditionChange[];
}

/** Replaces a scalar value with `{ saknas: "<reason> (förra upplagan: <old>)" }`. */
function confirm(
  ctx: Context,
  node: Node | null | undefined,
  path: (string | number)[],
  reason: string,
) {
  if (!isScalar(node) || !node.range) return;
  const old = String(node.value);
  ctx.edits.push({
    start: node.range[0],
    end: node.range[1],
    text: `{ saknas: ${quote(`${reason} (förra upplagan: ${old})`)} }`,
  });
  ctx.changes.push({ file: ctx.file, path: pathText(path), what: "bekräfta", old });
}

/**
 * A budget's stated `summa`, which cannot be marked saknas, is taken out (its line becomes a
 * comment with the old value): the total is derived from the rows once they are confirmed.
 */
function dropSum(
  ctx: Context,
  map: YAMLMap<Scalar, Node>,
  pair: Pair<Scalar, Node>,
  path: (string | number)[],
) {
  const keyStart = pair.key?.range?.[0];
  const valueEnd = pair.value?.range?.[1];
  if (map.flow || keyStart === undefined || valueEnd === undefined || !isScalar(pair.value)) return;
  const start = lineStart(ctx.text, keyStart);
  const newline = ctx.text.indexOf("\n", valueEnd);
  const end = newline < 0 ? ctx.text.length : newline + 1;
  const old = String(pair.value.value);
  ctx.edits.push({
    start,
    end,
    text: `${ctx.text.slice(start, keyStart)}# summa: ${old} (förra upplagan) är borttagen; summan räknas fram ur de bekräftade beloppen.\n`,
  });
  ctx.changes.push({ file: ctx.file, path: pathText(path), what: "summa", old });
}

/**
 * What an amount under `path` with key `key` is called in its reason ("Beloppet", "Året",
 * "Antalet"), or undefined when the key is no amount: `belopp`, an own contribution's `värde`, the
 * year and population of a formula.
 */
function amountName(key: string, path: (string | number)[]): string | undefined {
  if (key === "belopp") return "Beloppet";
  if (key === "värde" && path.includes("egen_insats")) return "Beloppet";
  if (path.at(-1) !== "befolkning") return undefined;
  if (key === "år") return "Året";
  if (key === "antal") return "Antalet";
  return undefined;
}

/** One pair of a map: an amount marked to confirm, a stated `summa` taken out, else searched. */
function confirmPairAmounts(
  ctx: Context,
  map: YAMLMap<Scalar, Node>,
  pair: Pair<Scalar, Node>,
  path: (string | number)[],
) {
  const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
  if (key === undefined) return;
  const number = isScalar(pair.value) && typeof pair.value.value === "number";
  const name = amountName(key, path);
  if (name !== undefined && number) {
    confirm(ctx, pair.value, [...path, key], `${name} ska bekräftas för den nya upplagan`);
  } else if (key === "summa" && number) dropSum(ctx, map, pair, [...path, key]);
  else confirmAmounts(ctx, pair.value, [...path, key]);
}

/**
 * Every amount under `node` marked to confirm: `belopp`, an own contribution's `värde`, the year
 * and population of a formula; a stated `summa` is taken out (see dropSum).
 */
function confirmAmounts(ctx: Context, node: unknown, path: (string | number)[]) {
  if (isMap(node)) {
    const map = node as YAMLMap<Scalar, Node>;
    for (const pair of map.items) confirmPairAmounts(ctx, map, pair, path);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      confirmAmounts(ctx, item, [...path, i]);
    });
  }
}

/** A comment line above the key of `pair`, indented like it. */
function commentAbove(
  ctx: Context,
  pair: Pair<Scalar, Node> | undefined,
  comment: string,
  path: string,
) {
  const at = pair?.key?.range?.[0];
  if (at === undefined) return;
  const start = lineStart(ctx.text, at);
  const indent = ctx.text.slice(start, at);
  ctx.edits.push({
    start,
    end: start,
    text: comment
      .split("\n")
      .map((l) => `${indent}# ${l}\n`)
      .join(""),
  });
  ctx.changes.push({ file: ctx.file, path, what: "kommentar" });
}

/** The `$schema` line, pointed at the schema from the new folder. */
function schemaHeader(ctx: Context, dir: string, schema: string) {
  const match = /^# yaml-language-server: \$schema=(\S+)/.exec(ctx.text);
  if (!match) return;
  const target = relative(dir, schemaPath(schema)).split("\\").join("/");
  if (match[1] === target) return;
  ctx.edits.push({
    start: 0,
    end: match[0].length,
    text: `# yaml-language-server: $schema=${target}`,
  });
}

/** The next edition of the agreement file. */
export function nextAgreement(
  text: string,
  options: { file: string; id: string; dir: string },
): { text: string; changes: EditionChange[] } {
  const doc = parseDocument(text);
  const ctx: Context = { file: options.file, text, edits: [], changes: [] };
  const root = doc.contents;
  schemaHeader(ctx, options.dir, "overenskommelse.schema.json");
  const id = pairOf(root, "id");
  if (isScalar(id?.value) && id.value.range && id.value.value !== options.id) {
    ctx.edits.push({ start: id.value.range[0], end: id.value.range[1], text: options.id });
    ctx.changes.push({ file: ctx.file, path: "id", what: "id", old: String(id.value.value) });
  }
  const status = pairOf(root, "status");
  if (isScalar(status?.value) && status.value.range && status.value.value !== "utkast") {
    ctx.edits.push({ start: status.value.range[0], end: status.value.range[1], text: "utkast" });
    ctx.changes.push({
      file: ctx.file,
      path: "status",
      what: "status",
      old: String(status.value.value),
    });
  }
  confirm(
    ctx,
    pairOf(root, "versionsdatum")?.value,
    ["versionsdatum"],
    "Datum för den nya upplagan",
  );
  const beslut = pairOf(root, "beslut")?.value;
  confirm(
    ctx,
    pairOf(beslut, "datum")?.value,
    ["beslut", "datum"],
    "Beslutsdatum för den nya upplagan",
  );
  confirm(
    ctx,
    pairOf(beslut, "referens")?.value,
    ["beslut", "referens"],
    "Beslutets referens för den nya upplagan",
  );
  const period = pairOf(root, "period");
  const dates = ["start", "inledande_slut", "månader"].flatMap((k) => {
    const v = pairOf(period?.value, k)?.value;
    return isScalar(v) ? [`${k} ${String(v.value)}`] : [];
  });
  const latest = pairOf(pairOf(period?.value, "förlängning")?.value, "längst_till")?.value;
  if (isScalar(latest)) dates.push(`längst_till ${String(latest.value)}`);
  commentAbove(
    ctx,
    period,
    `BEKRÄFTA PERIODEN för den nya upplagan: datumen är kopierade från förra upplagan\n(${dates.join(", ")}).`,
    "period",
  );
  const year = pairOf(pairOf(root, "signering")?.value, "år");
  if (isScalar(year?.value)) {
    commentAbove(
      ctx,
      year,
      `BEKRÄFTA året för underskrifterna (förra upplagan: ${String(year.value.value)}).`,
      "signering › år",
    );
  }
  for (const key of ["finansiering", "ekonomi"])
    confirmAmounts(ctx, pairOf(root, key)?.value, [key]);
  return { text: apply(text, ctx.edits), changes: ctx.changes };
}

/** The next edition of a bilaga file: amounts to confirm, change log emptied. */
export function nextBilaga(
  text: string,
  options: { file: string; dir: string },
): { text: string; changes: EditionChange[] } {
  const doc = parseDocument(text);
  const ctx: Context = { file: options.file, text, edits: [], changes: [] };
  const root = doc.contents;
  schemaHeader(ctx, options.dir, "bilaga.schema.json");
  confirmAmounts(ctx, pairOf(root, "ekonomi")?.value, ["ekonomi"]);
  const log = pairOf(root, "ändringslogg");
  if (log?.key?.range && isSeq(log.value) && log.value.items.length > 0 && log.value.range) {
    // From the end of the key to the end of the list: "ändringslogg: []".
    ctx.edits.push({ start: log.key.range[1], end: log.value.range[1], text: ": []\n" });
    ctx.changes.push({
      file: ctx.file,
      path: "ändringslogg",
      what: "ändringslogg",
      old: `${log.value.items.length} ${log.value.items.length === 1 ? "post" : "poster"}`,
    });
  }
  return { text: apply(text, ctx.edits), changes: ctx.changes };
}

/** Every file of the next edition, from the old edition's files (name and text). */
export function nextEdition(
  files: readonly GeneratedFile[],
  options: { id: string; dir: string },
): { files: GeneratedFile[]; changes: EditionChange[] } {
  const changes: EditionChange[] = [];
  const out = files.map((f) => {
    const next =
      f.name === "overenskommelse.yaml"
        ? nextAgreement(f.text, { file: f.name, ...options })
        : nextBilaga(f.text, { file: f.name, dir: options.dir });
    changes.push(...next.changes);
    return { name: f.name, text: next.text };
  });
  return { files: out, changes };
}
