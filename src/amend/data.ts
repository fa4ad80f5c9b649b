/**
 * What "a bilaga's content changed" means: its data, as parsed from the YAML, without its change
 * log. Comments, layout, quoting and key order are not content; a change of the agreement the
 * bilaga belongs to (a party's name, the period) is a change of the agreement, not of the bilaga.
 */
import { sha256 } from "../hash.js";
import type { Bilaga } from "../model.js";

type ChangeLogEntry = NonNullable<Bilaga["ändringslogg"]>[number];

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the bilaga's data without `ändringslogg` (see the module comment). */
export function bilagaDataSha256(data: Bilaga): string {
  const { ändringslogg: _log, ...content } = data;
  return sha256(canonicalJson(content));
}

/** The entries of `current` that `previous` does not have (compared as data). */
export function newEntries(
  previous: readonly ChangeLogEntry[] | undefined,
  current: readonly ChangeLogEntry[] | undefined,
): ChangeLogEntry[] {
  const known = new Set((previous ?? []).map(canonicalJson));
  return (current ?? []).filter((e) => !known.has(canonicalJson(e)));
}

/** The latest date among entries (ISO dates sort as text), if any. */
export const latestDate = (entries: readonly ChangeLogEntry[]): string | undefined =>
  entries
    .map((e) => e.datum)
    .sort()
    .at(-1);
