import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { afterEach } from "vitest";
import { documentsOf } from "../../src/diff/documents.js";
import { diffVersions, type Version, type VersionDiff } from "../../src/diff/index.js";
import { loadAgreement } from "../../src/validate/index.js";
import { type CliOptions, runCli as sharedRunCli } from "../helpers/cli.js";

export const AGREEMENTS = join(import.meta.dirname, "../../agreements");
export const V2022 = join(AGREEMENTS, "stockholm-brottsofferstod-2022");
export const V2025 = join(AGREEMENTS, "stockholm-brottsofferstod-2025");

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "iop-diff-"));
  dirs.push(dir);
  return dir;
}

/** Copies an agreement folder into a temp dir (keeping its name, which is its id). */
export function copyAgreement(source = V2025): string {
  const name = source.split("/").pop() as string;
  const dir = join(tempDir(), name);
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Edits one YAML file of a folder as text; fails when the text to replace is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(path, next);
}

/** Loads a version through the same path as the CLI and fails on any error. */
export async function version(spec: string): Promise<Version> {
  const loaded = await loadAgreement(spec);
  if (!loaded.agreement) {
    throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join("\n"));
  }
  const { documents, diagnostics } = documentsOf(loaded.agreement);
  const errors = diagnostics.filter((d) => d.severity === "fel");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return { label: spec, agreement: loaded.agreement, documents };
}

export const compare = async (a: string, b: string): Promise<VersionDiff> =>
  diffVersions(await version(a), await version(b));

/** Sections of a diff that the reader is told about (not unchanged, each move once). */
export const reportedSections = (diff: VersionDiff): string[] =>
  diff.documents.flatMap((doc) =>
    doc.sections
      .filter((s) => s.status !== "unchanged" && s.place !== "from")
      .map((s) => `${doc.name} ${s.status}: ${s.heading}`),
  );

/** Runs `iop <args>` in-process (the shared helper, with diff's options shape). */
export const runCli = (args: string[], options: CliOptions = {}) => sharedRunCli(args, options);

/** The main part (word/document.xml) of a .docx. */
export const documentXml = (docx: Uint8Array): string => {
  const part = unzipSync(docx)["word/document.xml"];
  if (!part) throw new Error("no word/document.xml");
  return strFromU8(part);
};

export const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, "text/xml");

export const elements = (node: Document | Element, name: string): Element[] =>
  Array.from(node.getElementsByTagName(name) as unknown as ArrayLike<Element>);

/** Drops undefined fields and merges adjacent text nodes, for comparing trees. */
export function normalize<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (const item of v) {
          const last = out[out.length - 1] as { type?: string; value?: string } | undefined;
          if (item && item.type === "text" && last?.type === "text") {
            out[out.length - 1] = { type: "text", value: (last.value ?? "") + item.value };
          } else if (!(item && item.type === "text" && item.value === "")) {
            out.push(item);
          }
        }
        return out;
      }
      return v;
    }),
  );
}
