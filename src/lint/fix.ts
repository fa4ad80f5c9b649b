import { basename, join } from "node:path";
import type { AgreementSources } from "../load/agreement.js";
import type { SourceFile } from "../load/source.js";
import { writeFileAtomically } from "../package/write.js";
import { agreementForRules } from "../validate/index.js";
import { validateSchema } from "../validate/schema.js";
import { SchemaErrors } from "../validate/schema-errors.js";
import { isSwitchedOff, switchedOff } from "./index.js";
import { wordingFindings } from "./klarsprak.js";

/** One change `iop check --fix` makes, where it was in the file before. */
export interface FixChange {
  file: string;
  line: number;
  col: number;
  rule: string;
  from: string;
  to: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  change: FixChange;
}

/**
 * The safe suggestions of the plain-Swedish list for an agreement's files (see
 * `WordingFinding.edit`), leaving out the rules the agreement switches off: per file, the new text
 * and the changes, or nothing for a file without any.
 */
export function planFixes(
  sources: AgreementSources,
): { file: SourceFile; text: string; changes: FixChange[] }[] {
  const schema = new SchemaErrors();
  validateSchema("agreement", sources.agreement, schema);
  for (const b of sources.bilagor) validateSchema("bilaga", b, schema);
  const agreement = agreementForRules(sources, schema);
  const { off } = switchedOff(agreement, schema);
  const byFile = new Map<SourceFile, Edit[]>();
  for (const f of wordingFindings(agreement, schema)) {
    if (!f.edit || isSwitchedOff(off, f.entry.regel)) continue;
    const { file } = f.value;
    const { line, col } = file.lineCounter.linePos(f.edit.start);
    const edits = byFile.get(file) ?? [];
    edits.push({
      ...f.edit,
      text: f.suggestion,
      change: { file: file.path, line, col, rule: f.entry.regel, from: f.found, to: f.suggestion },
    });
    byFile.set(file, edits);
  }
  return [...byFile].map(([file, edits]) => {
    edits.sort((a, b) => a.start - b.start);
    // Matches of the list never overlap (whole words); should two, the first is kept.
    const kept = edits.filter((e, i) => i === 0 || e.start >= (edits[i - 1] as Edit).end);
    let text = file.text;
    for (const e of [...kept].reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    return { file, text, changes: kept.map((e) => e.change) };
  });
}

const BOM = "\uFEFF";

/**
 * Applies the safe suggestions to the agreement's YAML files in place: only the words change, so
 * comments, layout and quoting stay as they were; each file is replaced atomically, keeping its
 * permissions and a byte order mark it had. Returns the changes, in file and position order.
 */
export async function applyFixes(sources: AgreementSources): Promise<FixChange[]> {
  const changes: FixChange[] = [];
  for (const { file, text, changes: own } of planFixes(sources)) {
    const bom = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes.subarray(0, 3));
    const data = (bom === BOM ? BOM : "") + text;
    await writeFileAtomically(join(sources.dir, basename(file.path)), data, { keepMode: true });
    changes.push(...own);
  }
  return changes;
}
