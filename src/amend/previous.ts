/**
 * The version of each bilaga that a build compares with: the one recorded in the previous
 * `manifest.json` of the output folder (its data hash and the text of the YAML files it was built
 * from), or the one in a git revision (`iop build --since <rev>`, read by src/load/agreement.ts as every command reads one).
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { RuleId } from "../diagnostics.js";
import { type Diagnostic, hasErrors } from "../diagnostics.js";
import type { DocumentTree } from "../document/types.js";
import type { AgreementSources } from "../load/agreement.js";
import { parseSource, type SourceFile } from "../load/source.js";
import type { Agreement, Bilaga } from "../model.js";
import { MANIFEST_FILE, type Manifest, type ManifestDocument } from "../package/manifest.js";
import { buildDocuments } from "../pipeline.js";
import { loadAgreement, validateAgreement } from "../validate/index.js";
import { bilagaDataSha256 } from "./data.js";

const run = promisify(execFile);

/** The previous output folder of an agreement: its manifest and a way to read its files. */
export interface PreviousBuild {
  /** The output folder, as given (`out/<id>`). */
  dir: string;
  manifest: Manifest;
}

/** One version of a bilaga, built, for the redline. */
export interface BilagaVersion {
  agreement: Agreement;
  tree: DocumentTree;
}

/** The version of one bilaga a build compares with. */
export interface PreviousBilaga {
  /** Where it comes from, as a Swedish phrase: "den senast byggdes (out/x/manifest.json)". */
  against: string;
  /** How the redline names it: "förra bygget (manifest.json)", "git-versionen HEAD~1". */
  label: string;
  /** What the manifest records it was compared with: "manifest.json" or the git revision. */
  source: string;
  dataSha256: string;
  /**
   * Its change log: read only for a bilaga whose data changed (from a previous build, that means
   * parsing its recorded YAML, which an unchanged bilaga never needs).
   */
  log(): Bilaga["ändringslogg"];
  /** Builds that version; undefined when it no longer builds without errors. */
  load(): BilagaVersion | undefined;
}

/** Previous versions by document name ("bilaga-2"). */
export type Baseline = Map<string, PreviousBilaga>;

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

const problem = (file: string, message: string, rule: RuleId, severity: "fel" | "varning") => ({
  file,
  line: 1,
  col: 1,
  severity,
  message,
  rule,
});

/**
 * Reads `<dir>/manifest.json`. No folder or no manifest is no previous build; a manifest that is
 * not one gives a warning (the bilagor cannot be compared with it).
 */
export async function readPreviousBuild(
  dir: string,
): Promise<{ previous?: PreviousBuild; diagnostics: Diagnostic[] }> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { diagnostics: [] };
  }
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (Array.isArray(manifest.documents) && Array.isArray(manifest.files)) {
      return { previous: { dir, manifest }, diagnostics: [] };
    }
  } catch {}
  return {
    diagnostics: [
      problem(
        shown(path),
        "Förra byggets manifest.json kan inte läsas, så bilagorna kan inte jämföras med förra versionen.",
        "manifest-ogiltigt",
        "varning",
      ),
    ],
  };
}

const logOf = (value: unknown): Bilaga["ändringslogg"] => {
  const log = (value as { ändringslogg?: unknown } | null)?.ändringslogg;
  return Array.isArray(log) ? (log as Bilaga["ändringslogg"]) : undefined;
};

/** Builds an agreement from sources and returns one of its documents, or undefined on errors. */
function buildOne(sources: AgreementSources, name: string): BilagaVersion | undefined {
  // Only the agreement is needed: its lint's warnings are never run.
  const { agreement } = validateAgreement(sources, { deferLint: true });
  if (!agreement) return undefined;
  const built = buildDocuments(agreement);
  if (hasErrors(built.diagnostics)) return undefined;
  const tree = built.documents.find((d) => d.tree.name === name)?.tree;
  return tree && { agreement, tree };
}

/**
 * What has been made from one previous build's recorded texts, kept as long as that build is
 * (`iop watch` compares every save with the same one): each text parsed, and each bilaga's old
 * version with the files it was built from.
 */
interface Rebuilt {
  /** By path and SHA-256: the file, or none when the text does not parse. */
  parsed: Map<string, { file?: SourceFile }>;
  versions: Map<string, { inputs: readonly unknown[]; version: BilagaVersion | undefined }>;
}
const rebuilt = new WeakMap<PreviousBuild, Rebuilt>();

function rebuiltOf(previous: PreviousBuild): Rebuilt {
  let kept = rebuilt.get(previous);
  if (!kept) {
    kept = { parsed: new Map(), versions: new Map() };
    rebuilt.set(previous, kept);
  }
  return kept;
}

/**
 * The bilagor as the previous manifest recorded them. A bilaga's old version is rebuilt from the
 * recorded text of its own YAML and of the agreement's, beside the current other bilagor (which
 * only the rules that look across bilagor see). A manifest written before this was recorded
 * gives nothing to compare with.
 *
 * The texts are parsed once per previous build, and an old version is built again only when the
 * current other bilagor are not the very files it was built beside: in `iop watch`, whose source
 * cache gives an unchanged file as the same object, a save of an amended bilaga does not parse
 * and build its old version again. Parsing and building are deterministic and nothing changes a
 * parsed file or a built version, so what is kept is what they would give.
 */
export function manifestBaseline(previous: PreviousBuild, current: Agreement): Baseline {
  const baseline: Baseline = new Map();
  const kept = rebuiltOf(previous);
  const manifestPath = shown(join(previous.dir, MANIFEST_FILE));
  const texts = new Map((previous.manifest.sources ?? []).map((s) => [s.sha256, s.text]));
  const encoder = new TextEncoder();
  const parsed = (source: { name: string; sha256: string }, text: string) => {
    const path = `${manifestPath} (${source.name})`;
    const key = `${path}\n${source.sha256}`;
    let hit = kept.parsed.get(key);
    if (!hit) {
      hit = { file: parseSource(path, encoder.encode(text)).file };
      kept.parsed.set(key, hit);
    }
    return hit.file;
  };
  for (const doc of previous.manifest.documents as ManifestDocument[]) {
    if (doc.kind !== "bilaga" || !doc.dataSha256 || !doc.sources || doc.sources.length < 2) {
      continue;
    }
    const [own, main] = doc.sources as [
      { name: string; sha256: string },
      { name: string; sha256: string },
    ];
    const ownText = texts.get(own.sha256);
    const mainText = texts.get(main.sha256);
    if (ownText === undefined || mainText === undefined) continue;
    // Parsed on first use: an unchanged bilaga needs neither its log nor its old version.
    const parsedOwn = () => parsed(own, ownText);
    baseline.set(doc.name, {
      against: `den senast byggdes (${manifestPath})`,
      label: `förra bygget (${MANIFEST_FILE})`,
      source: MANIFEST_FILE,
      dataSha256: doc.dataSha256,
      log: () => logOf(parsedOwn()?.value),
      load() {
        const ownFile = parsedOwn();
        const mainFile = parsed(main, mainText);
        if (!ownFile || !mainFile) return undefined;
        const nummer = (ownFile.value as { nummer?: unknown } | null)?.nummer;
        const bilagor = [
          ...current.bilagor.filter((b) => b.data.nummer !== nummer).map((b) => b.file),
          ownFile,
        ].sort(
          (a, b) =>
            Number((a.value as { nummer?: number }).nummer) -
            Number((b.value as { nummer?: number }).nummer),
        );
        const inputs = [current.dir, current.name, mainFile, ...bilagor];
        const last = kept.versions.get(doc.name);
        if (last && sameItems(last.inputs, inputs)) return last.version;
        const version = buildOne(
          { dir: current.dir, name: current.name, agreement: mainFile, bilagor },
          doc.name,
        );
        kept.versions.set(doc.name, { inputs, version });
        return version;
      },
    });
  }
  return baseline;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The bilagor of the agreement folder `dir` as they were in git revision `rev`. A revision git
 * cannot read is a usage error; one whose version has errors cannot be compared with (an error).
 */
export async function gitBaseline(
  dir: string,
  rev: string,
): Promise<{ baseline?: Baseline; diagnostics: Diagnostic[]; usageError?: boolean }> {
  let prefix: string;
  let top: string;
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel", "--show-prefix"], {
      cwd: dir,
    });
    const [toplevel = "", path = ""] = stdout.split("\n");
    top = toplevel;
    prefix = path.replace(/\/+$/, "");
  } catch {
    return {
      diagnostics: [
        problem(
          shown(dir),
          "Mappen ligger inte i ett git-arkiv; --since kräver git.",
          "git-saknas",
          "fel",
        ),
      ],
      usageError: true,
    };
  }
  // From the repository's top: git lists a tree relative to the working directory. Only the
  // old agreement is needed: its lint's warnings are never run.
  const loaded = await loadAgreement(`${rev}:${prefix}`, top, { deferLint: true });
  if (loaded.usageError) return { diagnostics: loaded.diagnostics, usageError: true };
  const old = loaded.agreement;
  if (!old) {
    return {
      diagnostics: [
        problem(
          shown(dir),
          `Versionen i ${rev} har fel och kan inte jämföras med; välj en annan revision (iop diff ${rev}:<mapp> <mapp> visar felen).`,
          "git-version-har-fel",
          "fel",
        ),
      ],
    };
  }
  let built: ReturnType<typeof buildDocuments> | undefined;
  const baseline: Baseline = new Map();
  for (const b of old.bilagor) {
    const name = `bilaga-${b.data.nummer}`;
    baseline.set(name, {
      against: `git-versionen ${rev}`,
      label: `git-versionen ${rev}`,
      source: rev,
      dataSha256: bilagaDataSha256(b.data),
      log: () => b.data.ändringslogg,
      load() {
        built ??= buildDocuments(old);
        if (hasErrors(built.diagnostics)) return undefined;
        const tree = built.documents.find((d) => d.tree.name === name)?.tree;
        return tree && { agreement: old, tree };
      },
    });
  }
  return { baseline, diagnostics: [] };
}
