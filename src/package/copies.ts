import type { DocumentTree } from "../document/types.js";
import { type ContentFingerprint, contentFingerprint } from "./fingerprint.js";
import type { ManifestCopy, ManifestDocument, OutputFile } from "./manifest.js";

/** Options of the PDF renderer (`renderPdf` in src/render/pdf) that copies depend on. */
export interface CopyRenderOptions {
  /**
   * Printed in every page footer of a paper copy (an artifact, not part of the text):
   * "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland".
   */
  copyLabel?: string;
  /** Printed in every page footer. */
  fingerprint?: string;
  /**
   * Adds an empty /Sig field per signature block, named after the party id: only in the
   * electronic PDF (a paper copy is signed by hand and has no empty fields).
   */
  signatureFields?: boolean;
}

/** The renderer's shape as far as copies need it; `renderPdf` fits it. */
export type RenderPdf<O extends CopyRenderOptions = CopyRenderOptions> = (
  tree: DocumentTree,
  options: O,
) => Promise<Uint8Array>;

/**
 * Renders one copy per label from a single layout of the document (`renderPdfCopies` in
 * src/render/pdf): each result must be what `RenderPdf` gives with that `copyLabel`.
 */
export type RenderPdfCopies<O extends CopyRenderOptions = CopyRenderOptions> = (
  tree: DocumentTree,
  options: Omit<O, "copyLabel">,
  labels: readonly string[],
) => Promise<Uint8Array[]>;

/** Folder in the output that holds the PDFs made for signing. */
export const COPY_FOLDER = "exemplar";

/** "Exemplar 2 av 4 – Brottsofferjouren Västerort" (en dash, as printed). */
export const copyLabel = (number: number, of: number, partyName: string): string =>
  `Exemplar ${number} av ${of} – ${partyName}`;

/** `exemplar/overenskommelse-exemplar-2-av-4-bo-vasterort.pdf` */
export const copyPath = (name: string, number: number, of: number, party: string): string =>
  `${COPY_FOLDER}/${name}-exemplar-${number}-av-${of}-${party}.pdf`;

/** `exemplar/overenskommelse-elektronisk.pdf`: the one PDF every party signs electronically. */
export const electronicPath = (name: string): string => `${COPY_FOLDER}/${name}-elektronisk.pdf`;

export interface RenderedCopies extends ContentFingerprint {
  /** The PDFs, with paths relative to the output folder. */
  files: OutputFile[];
  /**
   * The manifest fields these PDFs define; spread them into the document's ManifestDocument
   * (and add `files` to the output and the manifest's file list).
   */
  manifest: Pick<
    ManifestDocument,
    "contentSha256" | "fingerprint" | "copies" | "signatories" | "signingPdf"
  >;
}

/**
 * Renders the PDFs a document is signed on.
 *
 * - `papper`: one copy per signing party, all with the same content and fingerprint, printed and
 *   signed by hand (so no signature fields); copy k carries the label "Exemplar k av N – <party>"
 *   in the footer of every page, so a loose page can be traced to its copy. The copies differ in
 *   that label only.
 * - `elektronisk`: one PDF with a signature field per party and no copy label.
 *
 * With `renderMany`, the paper copies are drawn from one layout of the document (only the label
 * differs); without it, each is rendered in full with `render`. The bytes are the same. `content`
 * is the tree's `contentFingerprint` when the caller has it already (it is not hashed again).
 */
export async function renderCopies<O extends CopyRenderOptions>(
  tree: DocumentTree,
  render: RenderPdf<O>,
  baseOptions: Omit<O, keyof CopyRenderOptions>,
  renderMany?: RenderPdfCopies<O>,
  content: ContentFingerprint = contentFingerprint(tree),
): Promise<RenderedCopies> {
  const { contentSha256, fingerprint } = content;
  const parties = tree.signing.parties;
  const signatories = parties.map((p) => ({ party: p.id, partyName: p.name }));
  const common = { ...baseOptions, fingerprint } as O;

  if (tree.signing.mode === "elektronisk") {
    const path = electronicPath(tree.name);
    const data = await render(tree, { ...common, signatureFields: true });
    return {
      contentSha256,
      fingerprint,
      files: [{ path, data }],
      manifest: { contentSha256, fingerprint, copies: [], signatories, signingPdf: path },
    };
  }

  const of = parties.length;
  const labels = parties.map((party, index) => copyLabel(index + 1, of, party.name));
  const pdfs: Uint8Array[] = [];
  if (renderMany) pdfs.push(...(await renderMany(tree, common, labels)));
  else for (const label of labels) pdfs.push(await render(tree, { ...common, copyLabel: label }));
  const files: OutputFile[] = [];
  const copies: ManifestCopy[] = [];
  for (const [index, party] of parties.entries()) {
    const number = index + 1;
    const path = copyPath(tree.name, number, of, party.id);
    files.push({ path, data: pdfs[index] as Uint8Array });
    copies.push({ number, of, party: party.id, partyName: party.name, path });
  }
  return {
    contentSha256,
    fingerprint,
    files,
    manifest: { contentSha256, fingerprint, copies, signatories },
  };
}
