/**
 * Readers of a tagged PDF for tests: qpdf's JSON of its objects (streams decoded), the operators
 * of its content streams with the marked content they stand in, and poppler's structure tree
 * (`pdfinfo -struct-text`).
 */
import { spawnSync } from "node:child_process";

export const run = (program: string, args: string[]): string => {
  const result = spawnSync(program, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};

/** An object in qpdf's JSON (version 2): a value, or a stream with its dictionary and data. */
export interface QpdfObject {
  value?: unknown;
  stream?: { dict: Record<string, unknown>; data?: string };
}

/** qpdf's JSON of a PDF: its objects by "obj:N 0 R", streams decoded and inline (base64). */
export function qpdfJson(path: string) {
  const json = JSON.parse(
    run("qpdf", [
      "--json",
      "--json-key=qpdf",
      "--json-stream-data=inline",
      "--decode-level=generalized",
      path,
    ]),
  ) as { qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = json.qpdf[1];
  /** The value of an object, following a reference ("12 0 R"). */
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && /^\d+ \d+ R$/.test(value)) {
      const obj = objects[`obj:${value}`];
      return obj?.value ?? obj?.stream;
    }
    return value;
  };
  const dict = (value: unknown) => resolve(value) as Record<string, unknown>;
  const trailer = (objects.trailer as { value: Record<string, unknown> }).value;
  const streamData = (ref: unknown) =>
    Buffer.from(((resolve(ref) as QpdfObject["stream"])?.data ?? "") as string, "base64");
  /** The decoded content of each page, in page order. */
  const pageContents = (): string[] => {
    const kids = dict(dict(trailer["/Root"])["/Pages"])["/Kids"] as string[];
    return kids.map((ref) =>
      [dict(ref)["/Contents"]]
        .flat()
        .map((c) => streamData(c).toString("latin1"))
        .join("\n"),
    );
  };
  return {
    objects,
    resolve,
    dict,
    trailer,
    catalog: dict(trailer["/Root"]),
    streamData,
    pageContents,
  };
}

/** Operators that paint: text showing, path painting, shadings and XObjects. */
export const PAINTING = ["Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "b", "sh", "Do"];

/**
 * Every operator of a content stream with how deep in marked content it stands (BMC/BDC … EMC),
 * from qpdf's decoded stream data. Strings, arrays and dictionaries are skipped as operands.
 */
export function operators(content: string): { op: string; depth: number; tag?: string }[] {
  const out: { op: string; depth: number; tag?: string }[] = [];
  const stack: string[] = [];
  let lastName = "";
  const re =
    /<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]+|-?[\d.]+|[[\]]|[A-Za-z'"*]+/g;
  let dictDepth = 0;
  for (const m of content.matchAll(re)) {
    const token = m[0];
    if (token === "<<") dictDepth++;
    else if (token === ">>") dictDepth--;
    else if (dictDepth > 0) continue;
    else if (token.startsWith("/")) lastName = token;
    else if (/^[A-Za-z'"*]+$/.test(token)) {
      if (token === "BMC" || token === "BDC") {
        out.push({ op: token, depth: stack.length, tag: lastName });
        stack.push(lastName);
      } else if (token === "EMC") {
        stack.pop();
        out.push({ op: token, depth: stack.length });
      } else out.push({ op: token, depth: stack.length, tag: stack.at(-1) });
    }
  }
  if (stack.length > 0) throw new Error(`unclosed marked content: ${stack.join(" ")}`);
  return out;
}

/** `pdfinfo -struct-text`: the structure tree, one element or text per line, indented by two. */
export interface StructNode {
  type: string;
  text: string[];
  attributes: string[];
  children: StructNode[];
}
export function structTree(path: string): StructNode {
  const lines = run("pdfinfo", ["-struct-text", path]).split("\n");
  const root: StructNode = { type: "root", text: [], attributes: [], children: [] };
  const stack: { indent: number; node: StructNode }[] = [{ indent: -2, node: root }];
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    while ((stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = (stack.at(-1) as { node: StructNode }).node;
    const trimmed = line.trim();
    if (trimmed.startsWith('"')) parent.text.push(JSON.parse(trimmed) as string);
    else if (trimmed.startsWith("/")) parent.attributes.push(trimmed);
    else {
      const node: StructNode = {
        type: trimmed.split(/[\s:]/)[0] as string,
        text: [],
        attributes: [],
        children: [],
      };
      parent.children.push(node);
      stack.push({ indent, node });
    }
  }
  return root;
}
export const descendants = (node: StructNode): StructNode[] =>
  node.children.flatMap((c) => [c, ...descendants(c)]);
export const textOf = (node: StructNode): string =>
  [...node.text, ...node.children.map(textOf)].join(" ");

/** The XMP packet `pdfinfo -meta` prints, parsed as XML: problems, and texts by namespace. */
export function xmpOf(path: string, parse: (xml: string, errors: string[]) => Document) {
  const errors: string[] = [];
  const doc = parse(run("pdfinfo", ["-meta", path]), errors);
  const texts = (ns: string, name: string) =>
    Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => (e.textContent ?? "").trim());
  return { errors, texts };
}

export const NS = {
  pdfaid: "http://www.aiim.org/pdfa/ns/id/",
  pdfuaid: "http://www.aiim.org/pdfua/ns/id/",
  dc: "http://purl.org/dc/elements/1.1/",
  xmp: "http://ns.adobe.com/xap/1.0/",
  pdf: "http://ns.adobe.com/pdf/1.3/",
} as const;
