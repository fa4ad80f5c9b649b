import type { Diagnostic } from "../diagnostics.js";
import type { DocumentMeta } from "../document/types.js";
import { locate, locateInScalar, type SourceFile } from "../load/source.js";
import {
  type Agreement,
  agreementTitle,
  type BilagaDocument,
  bilagaSigners,
  known,
  mainParty,
  partById,
  signingMode,
  signingParties,
} from "../model.js";
import type { Part } from "../schemas/types.generated.js";
import { type AgreementViews, agreementViews, bilagaTitle, composeRoot } from "./context.js";
import { engine } from "./engine.js";
import type { ComposeProblem } from "./errors.js";
import type { ComposedDocument, ComposeResult } from "./types.js";

/**
 * Tidies template output: no trailing spaces or tabs (non-breaking spaces are kept), at most one
 * blank line in a row, no blank lines at the start, one newline at the end.
 */
export const tidyMarkdown = (markdown: string): string =>
  `${markdown
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;

function meta(agreement: Agreement, bilaga?: BilagaDocument): DocumentMeta {
  const data = agreement.data;
  const publicParty = mainParty(data);
  const titles = bilaga
    ? bilagaTitle(data, bilaga.data)
    : { title: agreementTitle(data), subtitle: data.undertitel };
  const date = known(data.versionsdatum);
  const party = bilaga && partById(data, bilaga.data.part);
  return {
    title: titles.title,
    ...(titles.subtitle ? { subtitle: titles.subtitle } : {}),
    // A bilaga's own diarienummer, else the agreement's; one marked saknas is unknown (as in the
    // agreement's list of bilagor), not the agreement's.
    diarienummer: known(bilaga?.data.diarienummer ?? data.diarienummer) ?? "",
    author: publicParty?.namn ?? "",
    subject: "Idéburet offentligt partnerskap (IOP)",
    keywords: [
      "IOP",
      "idéburet offentligt partnerskap",
      data.kommun,
      ...(bilaga ? ["bilaga", ...(party ? [party.namn] : [])] : []),
    ],
    ...(date ? { date } : {}),
    language: "sv-SE",
  };
}

const named = (parts: Part[]) => parts.map((p) => ({ id: p.id, name: p.namn }));

/** Problems as diagnostics, each once (a clause's heading and body may find the same problem). */
function toDiagnostics(file: SourceFile, problems: ComposeProblem[]): Diagnostic[] {
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const d: Diagnostic = {
      file: file.path,
      ...(p.offset === undefined ? locate(file, p.path) : locateInScalar(file, p.path, p.offset)),
      severity: p.severity ?? "fel",
      message: p.message,
      rule: p.rule,
    };
    const key = `${d.line}:${d.col}:${d.rule}:${d.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [d];
  });
}

function composeOne(
  agreement: Agreement,
  bilaga: BilagaDocument | undefined,
  views: AgreementViews,
): { document: ComposedDocument; diagnostics: Diagnostic[] } {
  const { documents } = engine();
  const problems: ComposeProblem[] = [];
  const root = composeRoot(agreement, bilaga, views);
  const template = bilaga ? documents.bilaga : documents.overenskommelse;
  const markdown = tidyMarkdown(template(root, { data: { problems } }));
  const file = bilaga ? bilaga.file : agreement.file;
  const signers = bilaga
    ? bilagaSigners(agreement.data, bilaga.data)
    : signingParties(agreement.data);
  return {
    document: {
      name: bilaga ? `bilaga-${bilaga.data.nummer}` : "overenskommelse",
      kind: bilaga ? "bilaga" : "overenskommelse",
      markdown,
      meta: meta(agreement, bilaga),
      signing: { mode: signingMode(agreement.data), parties: named(signers) },
      parties: named(agreement.data.parter),
      source: file.path,
      files: bilaga ? [bilaga.file, agreement.file] : [agreement.file],
    },
    diagnostics: toDiagnostics(file, problems),
  };
}

/**
 * Composes the agreement and each bilaga into Markdown through the templates. Problems (data a
 * clause needs but the YAML lacks, an unknown body or party in `parametrar`) are returned as
 * diagnostics at the section's YAML position; every document is still returned, with the
 * failing section reduced to its heading. Deterministic: the same agreement gives the same text.
 */
export function composeAgreement(agreement: Agreement): ComposeResult {
  const composer = documentComposer(agreement);
  const results = Array.from({ length: composer.count }, (_, i) => composer.compose(i));
  return {
    documents: results.map((r) => r.document),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}

/**
 * The documents of an agreement, each composed when asked for: `compose(0)` the agreement,
 * `compose(i)` its bilaga `i` (in the agreement's order), as `composeAgreement` composes them.
 * A build composes, parses and hands out one document before it composes the next
 * (src/pipeline.ts, `buildDocuments`), so the PDF helper gets its first document sooner.
 */
export function documentComposer(agreement: Agreement): {
  count: number;
  compose(index: number): { document: ComposedDocument; diagnostics: Diagnostic[] };
} {
  const views = agreementViews(agreement);
  return {
    count: 1 + agreement.bilagor.length,
    compose: (index) =>
      composeOne(agreement, index === 0 ? undefined : agreement.bilagor[index - 1], views),
  };
}
