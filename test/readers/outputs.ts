/**
 * The generated outputs of the example agreements, for the reader tests in this folder.
 *
 * `iop build agreements` (the built binary, as a user runs it) and LibreOffice's conversions of the
 * .docx files are slow compared with the tests, so each is made once and kept in a folder under the
 * system temp dir named after a hash of everything the outputs are made from (agreements, dist,
 * templates, schemas, package-lock.json). The three test files share it: whichever needs it first
 * makes it under a lock, the others wait; a later run with the same inputs reuses it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { DocumentTree } from "../../src/document/types.js";
import type { Manifest, ManifestDocument } from "../../src/package/manifest.js";
import { buildDocuments } from "../../src/pipeline.js";
import { loadAgreement } from "../../src/validate/index.js";
import { convertWithLibreOffice } from "../helpers/libreoffice.js";
import { clean, flat } from "./words.js";

export const root = new URL("../../", import.meta.url).pathname;
export const bin = join(root, "dist/cli/main.js");
const agreementsDir = join(root, "agreements");

/** Runs a program; throws with its stderr when it fails. */
export function run(cmd: string, args: string[], options: { cwd?: string } = {}): string {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    cwd: options.cwd,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

/**
 * pdftotext of a PDF (UTF-8), one string per page. By default in poppler's reading order, found
 * by layout analysis as PDF viewers built on poppler do for search and copy; with `raw`, in the
 * order the content stream draws the text.
 */
export function pdfPages(path: string, raw = false): string[] {
  const args = ["-q", "-enc", "UTF-8", ...(raw ? ["-raw"] : []), path, "-"];
  const pages = run("pdftotext", args).split("\f");
  // pdftotext ends every page with a form feed.
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** pdfinfo's fields ("Title", "Author", "Pages", "Form" …), read as UTF-8. */
/**
 * The text of the pages without each page's running header (the title, possibly shortened with
 * "…", and "Dnr <diarienummer>") and footer ("Kontrollsumma …", "Sida X (Y)", and a signing
 * copy's "Exemplar k av N – <part>"). pdftotext puts
 * them first and last on the page in its default mode; with -raw (content stream order) all of
 * them come last, the title and Dnr on one line. Each is taken off once per page, from the end
 * first, so the title on the first page of the body stays.
 */
export function bodyText(pages: readonly string[], tree: DocumentTree): string {
  const title = flat(tree.meta.title);
  const dnr = tree.meta.diarienummer.trim() ? flat(`Dnr ${tree.meta.diarienummer}`) : undefined;
  const isTitle = (line: string) =>
    line === title || (line.endsWith("…") && title.startsWith(line.slice(0, -1).trimEnd()));
  const kinds: Record<string, (line: string) => boolean> = {
    header: (line) =>
      isTitle(line) ||
      (dnr !== undefined && line.endsWith(` ${dnr}`) && isTitle(line.slice(0, -dnr.length - 1))),
    dnr: (line) => line === dnr,
    page: (line) => /^Sida \d+ \(\d+\)$/.test(line),
    fingerprint: (line) => /^Kontrollsumma [0-9a-f ]+$/.test(line),
    label: (line) => /^Exemplar \d+ av \d+ – \S.*$/.test(line),
  };
  return pages
    .map((page) => {
      const lines = clean(page)
        .split("\n")
        .map(flat)
        .filter((l) => l !== "");
      const left = new Set(Object.keys(kinds));
      const strip = (take: () => string | undefined, at: () => string | undefined) => {
        for (let again = true; again; ) {
          again = false;
          for (const kind of left) {
            const line = at();
            if (line !== undefined && kinds[kind]?.(line)) {
              take();
              left.delete(kind);
              // A title line with the Dnr on it is both.
              if (kind === "header" && dnr && line.endsWith(dnr)) left.delete("dnr");
              again = true;
            }
          }
        }
      };
      strip(
        () => lines.pop(),
        () => lines.at(-1),
      );
      strip(
        () => lines.shift(),
        () => lines[0],
      );
      return lines.join("\n");
    })
    .join("\n");
}

export function pdfInfo(path: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run("pdfinfo", ["-enc", "UTF-8", path]).split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1] as string] = m[2] as string;
  }
  return info;
}

export const pageCount = (path: string): number => Number(pdfInfo(path).Pages);

/** Runs the built `iop` binary. */
export const iop = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();

/** Hash of every file the outputs are made from. */
function inputsKey(): string {
  const hash = createHash("sha256");
  const dirs = ["agreements", "dist", "templates", "schemas"].map((d) => join(root, d));
  for (const file of [...dirs.flatMap(walk), join(root, "package-lock.json")]) {
    hash.update(relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const cacheRoot = join(tmpdir(), "iop-readers");
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The folder `final`, made once by `produce` (which fills the temporary folder it is given);
 * concurrent callers wait for the one that holds the lock. A lock older than three minutes is
 * taken to be left by a crashed run and removed.
 */
async function once(final: string, produce: (dir: string) => void): Promise<string> {
  const lock = `${final}.lock`;
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (existsSync(final)) return final;
    try {
      mkdirSync(lock, { recursive: false });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true });
      } catch {
        // the lock went away meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(200);
    }
  }
  try {
    if (existsSync(final)) return final;
    const tmp = mkdtempSync(`${final}.tmp-`);
    try {
      produce(tmp);
      renameSync(tmp, final);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
    return final;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes cache folders of other inputs that nobody has touched for a day. */
function pruneCache(keep: string): void {
  for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    const path = join(cacheRoot, name);
    if (name === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 86_400_000) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // another run removed it
    }
  }
}

/** One generated document with the tree it was rendered from. */
export interface Generated {
  /** Agreement id, e.g. "stockholm-brottsofferstod-2025". */
  agreement: string;
  /** "overenskommelse", "bilaga-1", … */
  name: string;
  tree: DocumentTree;
  /** The document's entry in the agreement's manifest.json. */
  manifest: ManifestDocument;
  /** Absolute paths of its outputs. */
  docx: string;
  pdf: string;
  copies: { path: string; number: number; of: number; party: string; partyName: string }[];
  /** "<agreement>--<name>", the base name of LibreOffice's outputs. */
  key: string;
}

export interface Outputs {
  /** The folder `iop build agreements --out` wrote into. */
  out: string;
  /** Cache folder of this build (LibreOffice's outputs go under it). */
  cache: string;
  agreements: string[];
  documents: Generated[];
  manifests: Record<string, Manifest>;
}

let outputs: Promise<Outputs> | undefined;

/** Builds every example agreement once (per inputs) and pairs each document with its tree. */
export function generatedOutputs(): Promise<Outputs> {
  outputs ??= makeOutputs();
  return outputs;
}

async function makeOutputs(): Promise<Outputs> {
  const key = inputsKey();
  const cache = join(cacheRoot, key);
  mkdirSync(cache, { recursive: true });
  pruneCache(key);
  const out = await once(join(cache, "out"), (dir) => {
    const r = iop(["build", "agreements", "--out", dir]);
    if (r.status !== 0) throw new Error(`iop build failed (${r.status}):\n${r.stderr}`);
  });
  const agreements = readdirSync(agreementsDir).sort();
  const documents: Generated[] = [];
  const manifests: Record<string, Manifest> = {};
  for (const agreement of agreements) {
    const manifest: Manifest = JSON.parse(
      readFileSync(join(out, agreement, "manifest.json"), "utf8"),
    );
    manifests[agreement] = manifest;
    const loaded = await loadAgreement(join(agreementsDir, agreement));
    if (!loaded.agreement) throw new Error(`${agreement} does not load`);
    for (const { tree } of buildDocuments(loaded.agreement).documents) {
      const entry = manifest.documents.find((d) => d.name === tree.name);
      if (!entry) throw new Error(`${agreement}: ${tree.name} is not in manifest.json`);
      documents.push({
        agreement,
        name: tree.name,
        tree,
        manifest: entry,
        docx: join(out, agreement, `${tree.name}.docx`),
        pdf: join(out, agreement, `${tree.name}.pdf`),
        copies: entry.copies.map((c) => ({ ...c, path: join(out, agreement, c.path) })),
        key: `${agreement}--${tree.name}`,
      });
    }
  }
  return { out, cache, agreements, documents, manifests };
}

/**
 * LibreOffice's conversion of every generated .docx to `format` ("txt" or "pdf"), in one soffice
 * run with a profile of its own. soffice exits 0 even when it cannot load a file, so every output
 * is checked to exist and to be non-empty. Returns the path of each document's output by `key`.
 */
export async function libreOffice(format: "txt" | "pdf"): Promise<Map<string, string>> {
  const { cache, documents } = await generatedOutputs();
  const dir = await once(join(cache, `soffice-${format}`), (tmp) => {
    const inputs = join(tmp, "docx");
    mkdirSync(inputs);
    const files = documents.map((d) => {
      const file = join(inputs, `${d.key}.docx`);
      copyFileSync(d.docx, file);
      return file;
    });
    convertWithLibreOffice(files, format, tmp);
    rmSync(inputs, { recursive: true });
  });
  return new Map(documents.map((d) => [d.key, join(dir, `${d.key}.${format}`)]));
}
