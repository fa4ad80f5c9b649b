/**
 * Whether a PDF is made for signing on paper: a paper copy ("exemplar k av N") carries signature
 * fields for ink, not for electronic signatures, and `iop sign` refuses it. Two signs: the
 * manifest.json of the built folder the PDF sits in (the PDF's folder or the one above, as in
 * out/<id>/exemplar/) lists it as a copy of a document signed on paper; or the agreement source
 * embedded in the PDF says it is signed on paper (so a copy moved out of its folder is known too).
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFRawStream,
} from "pdf-lib";
import { parse } from "yaml";
import type { Manifest } from "../package/manifest.js";
import { MANIFEST_FILE } from "../package/manifest.js";
import { decodeText } from "./fields.js";

/** The agreement's source as `iop build` attaches it to every PDF of the agreement. */
const AGREEMENT_SOURCE = "overenskommelse.yaml";

export interface PaperCopy {
  /** The document's title and the copy's label. */
  title: string;
  number: number;
  of: number;
  partyName: string;
}

/** The manifest.json in `dir`, read without trusting its shape; undefined when there is none. */
async function manifestIn(dir: string): Promise<Partial<Manifest> | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
  } catch {
    return undefined;
  }
}

/** The paper copy at `target` among a manifest's documents (paths relative to `dir`). */
function copyIn(manifest: Partial<Manifest>, dir: string, target: string): PaperCopy | undefined {
  for (const doc of Array.isArray(manifest.documents) ? manifest.documents : []) {
    if (doc?.signing !== "papper" || !Array.isArray(doc.copies)) continue;
    const copy = doc.copies.find(
      (c) => typeof c?.path === "string" && resolve(dir, c.path) === target,
    );
    if (copy) {
      return {
        title: String(doc.title),
        number: copy.number,
        of: copy.of,
        partyName: copy.partyName,
      };
    }
  }
  return undefined;
}

/** The paper copy a PDF is, by the manifest of its output folder (beside it or one up). */
export async function paperCopyOf(pdfPath: string): Promise<PaperCopy | undefined> {
  const target = resolve(pdfPath);
  for (const dir of [dirname(target), dirname(dirname(target))]) {
    const manifest = await manifestIn(dir);
    const copy = manifest ? copyIn(manifest, dir, target) : undefined;
    if (copy) return copy;
  }
  return undefined;
}

/**
 * Whether the agreement source embedded in the PDF (overenskommelse.yaml, attached by
 * `iop build`) is signed on paper: `signering.sätt` is not `elektronisk` (a missing or `saknas`
 * way of signing gives paper copies). Undefined when the PDF carries no such source.
 */
export function embeddedSigningMode(doc: PDFDocument): "papper" | "elektronisk" | undefined {
  const names = doc.catalog.lookup(PDFName.of("Names"));
  const files = names instanceof PDFDict ? names.lookup(PDFName.of("EmbeddedFiles")) : undefined;
  const list = files instanceof PDFDict ? files.lookup(PDFName.of("Names")) : undefined;
  if (!(list instanceof PDFArray)) return undefined;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    if (decodeText(list.lookup(i)) === AGREEMENT_SOURCE) return signingModeOf(list.lookup(i + 1));
  }
  return undefined;
}

/** The way of signing in the agreement source of an embedded file specification. */
function signingModeOf(spec: unknown): "papper" | "elektronisk" | undefined {
  const ef = spec instanceof PDFDict ? spec.lookup(PDFName.of("EF")) : undefined;
  const stream = ef instanceof PDFDict ? ef.lookup(PDFName.of("F")) : undefined;
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    const source = Buffer.from(decodePDFRawStream(stream).decode()).toString("utf8");
    const data = parse(source) as { signering?: { sätt?: unknown } } | null;
    return data?.signering?.sätt === "elektronisk" ? "elektronisk" : "papper";
  } catch {
    return undefined;
  }
}
