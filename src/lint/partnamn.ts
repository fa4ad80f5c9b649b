import type { Diagnostic } from "../diagnostics.js";
import type { Agreement } from "../model.js";
import { diagnosticAt, directivesIn, items } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";
import { type TextValue, textValues } from "./strings.js";

export const PARTY_NAME_RULE = "partnamn-varierar";

/** Words as the comparison sees them: letters and digits, lower case. */
const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between the words of one name: spaces, hyphens and dashes only. */
const JOIN = /^[\s\-‐–—]+$/u;

/**
 * Edit distance (insertions, deletions, substitutions), for telling a misspelt name; stops early
 * with a value above `max` once every path costs more.
 */
function distance(a: string, b: string, max: number): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      next[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    row = next;
  }
  return row[b.length] as number;
}

interface Name {
  id: string;
  namn: string;
  /** The name's words in lower case, joined by single spaces. */
  key: string;
  words: number;
  /** Its words of more than two letters ("i", "på" are everywhere), lower case. */
  set: Set<string>;
}

const wordsOf = (s: string) => [...s.matchAll(WORD)].map((m) => m[0].toLowerCase());

interface Word {
  text: string;
  lower: string;
  at: number;
}

/**
 * A value's text with what is not running text blanked to spaces, offsets kept: ids in
 * directives (`:part[id]`, as remark-directive finds them) and fields of an own wording ({start}).
 */
function runningText(value: TextValue): string {
  const { text } = value;
  let out = text;
  for (const d of directivesIn(value.file, text)) {
    out = out.slice(0, d.start) + " ".repeat(d.end - d.start) + out.slice(d.end);
  }
  return out.replace(/\{[^}\n]*\}/g, (m) => " ".repeat(m.length));
}

/** The words of a run of text are joined only by spaces, hyphens and dashes. */
const joinedRun = (text: string, run: readonly Word[]): boolean =>
  run.slice(1).every((wd, k) => {
    const prev = run[k] as Word;
    return JOIN.test(text.slice(prev.at + prev.text.length, wd.at));
  });

/** How a run of words writes the name, as written and as compared (a genitive taken off). */
function written(text: string, run: readonly Word[], name: Name): { raw: string; key: string } {
  const first = run[0] as Word;
  const last = run[run.length - 1] as Word;
  const raw = text.slice(first.at, last.at + last.text.length);
  const key = run.map((wd) => wd.lower).join(" ");
  // The genitive of the name ("Brottsofferjouren Västerorts") is the name.
  if (key !== name.key && key.endsWith("s") && key.slice(0, -1) === name.key) {
    return { raw: raw.slice(0, -1), key: key.slice(0, -1) };
  }
  return { raw, key };
}

/** A run of words that writes `name` otherwise than its one name (not another party's name). */
function isVariant(
  text: string,
  run: readonly Word[],
  name: Name,
  exact: Set<string>,
): string | undefined {
  // A variant keeps at least one word of the name as it is (a slip of a letter or two touches
  // one word): this skips the edit distance for almost every run of words.
  if (!run.some((wd) => name.set.has(wd.lower)) || !joinedRun(text, run)) return undefined;
  const { raw, key } = written(text, run, name);
  if (raw === name.namn || (exact.has(key) && key !== name.key)) return undefined;
  if (key === name.key) return raw;
  const near =
    name.key.length >= 12 &&
    Math.abs(key.length - name.key.length) <= 2 &&
    distance(key, name.key, 2) <= 2;
  return near ? raw : undefined;
}

/** The party names of an agreement that the rule checks: valid, of two words or more. */
function partyNames(agreement: Agreement, schema: SchemaErrors): Name[] {
  const { file, data } = agreement;
  const names: Name[] = [];
  for (const [p, i] of items(schema, file, ["parter"], data.parter)) {
    if (!schema.valid(file, ["parter", i, "namn"]) || !schema.valid(file, ["parter", i, "id"]))
      continue;
    const words = wordsOf(p.namn);
    if (words.length >= 2)
      names.push({
        id: p.id,
        namn: p.namn,
        key: words.join(" "),
        words: words.length,
        set: new Set(words.filter((wd) => wd.length > 2)),
      });
  }
  return names;
}

/**
 * The first words of the runs of `n` words that hold a word of `set`, in order: only such runs can
 * write a name otherwise (see isVariant), and in a text few do.
 */
export function runsWithWordOf(
  words: readonly { lower: string }[],
  set: ReadonlySet<string>,
  n: number,
): number[] {
  const starts: number[] = [];
  for (let j = 0; j < words.length; j++) {
    if (!set.has((words[j] as { lower: string }).lower)) continue;
    const from = Math.max(j - n + 1, (starts.at(-1) ?? -1) + 1);
    for (let i = from; i <= j && i + n <= words.length; i++) starts.push(i);
  }
  return starts;
}

/**
 * Whether a text may hold one of `words` (lower case) as a word, told without splitting it into
 * words: a variant of a name keeps a word of it (isVariant), and most texts hold none. Lower-casing
 * a whole text lower-cases each character on its own but for Σ, whose lower case depends on the
 * letters around it, so a text with Σ is always split.
 */
export const mayHoldWordOf =
  (words: readonly string[]) =>
  (text: string): boolean => {
    if (text.includes("Σ")) return true;
    const lower = text.toLowerCase();
    return words.some((w) => lower.includes(w));
  };

/** The variants of one party's name in one text value, left to right, none overlapping. */
function variantsIn(value: TextValue, text: string, words: Word[], name: Name, exact: Set<string>) {
  const out: Diagnostic[] = [];
  let next = 0;
  for (const i of runsWithWordOf(words, name.set, name.words)) {
    if (i < next) continue;
    const run = words.slice(i, i + name.words);
    const raw = isVariant(text, run, name, exact);
    if (raw === undefined) continue;
    out.push(
      diagnosticAt(
        value.file,
        value.path,
        "varning",
        PARTY_NAME_RULE,
        `Parten heter ”${name.namn}” men skrivs här ”${raw}”. Skriv namnet som under parter, eller :part[${name.id}].`,
        (run[0] as Word).at,
      ),
    );
    next = i + name.words;
  }
  return out;
}

/**
 * A party named in running text otherwise than its one official name (`parter › namn`): with
 * other capitals, spaces or hyphens ("Brottsofferjouren Stockholm Gotland"), or misspelt by a
 * letter or two ("Brottsofferjouren Västeort"), in the agreement or any bilaga. The genitive
 * ("…Gotlands") of the right name is the name. Names of one word are not checked: in running text
 * they cannot be told from the ordinary word. A text naming another party exactly is not flagged.
 */
export function partyNameVariants(agreement: Agreement, schema: SchemaErrors): Diagnostic[] {
  const names = partyNames(agreement, schema);
  if (names.length === 0) return [];
  const exact = new Set(names.map((n) => n.key));
  const mayName = mayHoldWordOf([...new Set(names.flatMap((n) => [...n.set]))]);
  const out: Diagnostic[] = [];
  for (const value of textValues(agreement, schema)) {
    // A party's own namn and kortnamn are the names, not text naming it.
    if (value.path[0] === "parter" && ["namn", "kortnamn"].includes(String(value.path[2])))
      continue;
    if (!mayName(value.text)) continue;
    const text = runningText(value);
    const words = [...text.matchAll(WORD)].map((m) => ({
      text: m[0],
      lower: m[0].toLowerCase(),
      at: m.index,
    }));
    for (const name of names) out.push(...variantsIn(value, text, words, name, exact));
  }
  return out;
}
