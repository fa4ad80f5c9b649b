/**
 * Compares the text of a document's copies page by page. Copies differ only in their copy label
 * ("Exemplar 2 av 4 – …"), which is taken out before comparing; everything else, the fingerprint
 * in the footer included, must be the same. When copies differ, the text most copies share is
 * taken as the reference (with two copies: the first), and the others are named with the page
 * and the differing words.
 */
import { diffArrays } from "diff";
import { normalizeWhitespace } from "../document/text.js";

export interface CopyText {
  /** Relative path, for messages. */
  path: string;
  number: number;
  /** The label the manifest says this copy carries; undefined for an electronic PDF. */
  label?: string;
  /** Page texts as extracted. */
  pages: string[];
}

export interface CopyProblem {
  path: string;
  message: string;
}

/** Any copy label line: "Exemplar 2 av 4 – Brottsofferjouren Västerort". */
const LABEL_LINE = /^\s*Exemplar \d+ av \d+ [–-] .*$/gm;

/** Page text without copy label lines, whitespace collapsed. */
export const comparablePage = (page: string): string =>
  normalizeWhitespace(page.replace(LABEL_LINE, ""));

const quote = (words: string[]): string => {
  const shown = words.length > 12 ? [...words.slice(0, 12), "…"] : words;
  return `"${shown.join(" ")}"`;
};

/** The differing words between two page texts, as a short Swedish description. */
export function describeDifference(reference: string, other: string, maxHunks = 3): string {
  const changes = diffArrays(
    reference.split(" ").filter(Boolean),
    other.split(" ").filter(Boolean),
  );
  const hunks: string[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change || (!change.added && !change.removed)) continue;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      hunks.push(`${quote(next.value)} i stället för ${quote(change.value)}`);
      i++;
    } else if (change.added) {
      hunks.push(`${quote(change.value)} har tillkommit`);
    } else {
      hunks.push(`${quote(change.value)} saknas`);
    }
  }
  const shown = hunks.slice(0, maxHunks).join("; ");
  return hunks.length > maxHunks
    ? `${shown}; och ${hunks.length - maxHunks} ändringar till`
    : shown;
}

/** The value most items share (ties: the one that appears first), with its first index. */
function majority(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const v of values)
    if (best === undefined || (counts.get(v) ?? 0) > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** The label line must say exactly what the manifest says, and nothing else may. */
function labelProblems(copy: CopyText): CopyProblem[] {
  const problems: CopyProblem[] = [];
  const labels = copy.pages
    .flatMap((page) => page.match(LABEL_LINE) ?? [])
    .map(normalizeWhitespace);
  const expected = copy.label === undefined ? undefined : normalizeWhitespace(copy.label);
  if (expected !== undefined && !labels.includes(expected)) {
    problems.push({
      path: copy.path,
      message: `exemplarmärkningen "${copy.label}" som manifestet anger finns inte i filen`,
    });
  }
  for (const other of new Set(labels.filter((l) => l !== expected))) {
    problems.push({
      path: copy.path,
      message: `har exemplarmärkningen "${other}"${expected === undefined ? ", men är inget pappersexemplar" : ""}`,
    });
  }
  return problems;
}

/** The pages of a copy (its comparable `text`) that lack the fingerprint. */
function fingerprintProblems(copy: CopyText, text: string[], fingerprint: string): CopyProblem[] {
  const missing = text
    .map((page, p) => (page.includes(fingerprint) ? undefined : p + 1))
    .filter((p) => p !== undefined);
  if (missing.length === 0) return [];
  return [
    {
      path: copy.path,
      message: `fingeravtrycket ${fingerprint} saknas på ${missing.length === 1 ? "sidan" : "sidorna"} ${missing.join(", ")}`,
    },
  ];
}

/** The majority value and the first copy holding it; undefined values (no such page) abstain. */
function reference(
  copies: CopyText[],
  values: (string | undefined)[],
): { value: string; copy: CopyText } {
  const value = majority(values.filter((v) => v !== undefined)) ?? "";
  return { value, copy: copies[values.indexOf(value)] as CopyText };
}

/** The copies whose page count is not the usual one; and that usual count. */
function pageCountProblems(
  copies: CopyText[],
  texts: string[][],
): { problems: CopyProblem[]; pageCount: number } {
  const pageCounts = texts.map((t) => String(t.length));
  const pages = reference(copies, pageCounts);
  const problems = copies.flatMap((copy, i) =>
    pageCounts[i] === pages.value
      ? []
      : [
          {
            path: copy.path,
            message: `har ${pageCounts[i]} sidor, exemplar ${pages.copy.number} har ${pages.value}`,
          },
        ],
  );
  return { problems, pageCount: Number(pages.value) };
}

/** Each copy whose page `p` (0-based) differs from the text most copies have there. */
function pageTextProblems(copies: CopyText[], texts: string[][], p: number): CopyProblem[] {
  const onPage = texts.map((t) => t[p]);
  const ref = reference(copies, onPage);
  return copies.flatMap((copy, i) => {
    const text = onPage[i];
    if (text === undefined || text === ref.value) return [];
    return [
      {
        path: copy.path,
        message: `sidan ${p + 1} skiljer sig från exemplar ${ref.copy.number}: ${describeDifference(ref.value, text)}`,
      },
    ];
  });
}

/**
 * Checks each copy's label and fingerprint and that all copies have the same text. Returns one
 * problem per finding; none when all is well.
 */
export function compareCopies(copies: CopyText[], fingerprint: string): CopyProblem[] {
  const texts = copies.map((copy) => copy.pages.map(comparablePage));
  const problems = copies.flatMap((copy, i) => [
    ...labelProblems(copy),
    ...fingerprintProblems(copy, texts[i] ?? [], fingerprint),
  ]);
  if (copies.length < 2) return problems;
  const counts = pageCountProblems(copies, texts);
  problems.push(...counts.problems);
  // Pages past the usual count are covered by the page count message above.
  for (let p = 0; p < counts.pageCount; p++) problems.push(...pageTextProblems(copies, texts, p));
  return problems;
}
