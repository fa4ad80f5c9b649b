import type { Diagnostic } from "../diagnostics.js";
import type { Agreement } from "../model.js";
import { diagnosticAt, items } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";
import { textValues } from "./strings.js";

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

/**
 * A party named in running text otherwise than its one official name (`parter › namn`): with
 * other capitals, spaces or hyphens ("Brottsofferjouren Stockholm Gotland"), or misspelt by a
 * letter or two ("Brottsofferjouren Västeort"), in the agreement or any bilaga. The genitive
 * ("…Gotlands") of the right name is the name. Names of one word are not checked: in running text
 * they cannot be told from the ordinary word. A text naming another party exactly is not flagged.
 */
export function partyNameVariants(agreement: Agreement, schema: SchemaErrors): Diagnostic[] {
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
  if (names.length === 0) return [];
  const exact = new Set(names.map((n) => n.key));
  const out: Diagnostic[] = [];
  for (const value of textValues(agreement, schema)) {
    // A party's own namn and kortnamn are the names, not text naming it.
    if (value.path[0] === "parter" && ["namn", "kortnamn"].includes(String(value.path[2])))
      continue;
    // Ids in directives (:part[id]) and fields of an own wording ({start}) are not names.
    const text = value.text.replace(/:[a-z]+\[[^\]\n]*\]|\{[^}\n]*\}/g, (m) =>
      " ".repeat(m.length),
    );
    const words = [...text.matchAll(WORD)].map((m) => ({
      text: m[0],
      lower: m[0].toLowerCase(),
      at: m.index,
    }));
    for (const name of names) {
      for (let i = 0; i + name.words <= words.length; i++) {
        const run = words.slice(i, i + name.words);
        // A variant keeps at least one word of the name as it is (a slip of a letter or two
        // touches one word): this skips the edit distance for almost every run of words.
        if (!run.some((wd) => name.set.has(wd.lower))) continue;
        const first = run[0] as { text: string; at: number };
        const last = run[run.length - 1] as { text: string; at: number };
        const joined = run.slice(1).every((wd, k) => {
          const prev = run[k] as { text: string; at: number };
          return JOIN.test(text.slice(prev.at + prev.text.length, wd.at));
        });
        if (!joined) continue;
        let raw = text.slice(first.at, last.at + last.text.length);
        let key = run.map((wd) => wd.lower).join(" ");
        // The genitive of the name ("Brottsofferjouren Västerorts") is the name.
        if (key !== name.key && key.endsWith("s") && key.slice(0, -1) === name.key) {
          key = key.slice(0, -1);
          raw = raw.slice(0, -1);
        }
        if (raw === name.namn || (exact.has(key) && key !== name.key)) continue;
        if (
          key !== name.key &&
          (name.key.length < 12 ||
            Math.abs(key.length - name.key.length) > 2 ||
            distance(key, name.key, 2) > 2)
        )
          continue;
        out.push(
          diagnosticAt(
            value.file,
            value.path,
            "varning",
            PARTY_NAME_RULE,
            `Parten heter ”${name.namn}” men skrivs här ”${raw}”. Skriv namnet som under parter, eller :part[${name.id}].`,
            first.at,
          ),
        );
        i += name.words - 1;
      }
    }
  }
  return out;
}
