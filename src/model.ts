/**
 * The validated agreement as the later stages see it. The data types are generated from the JSON
 * Schemas (src/schemas/types.generated.ts), never written by hand.
 */
import type { SourceFile } from "./load/source.js";
import type { Bilaga, Budget, Overenskommelse, Part, Saknas } from "./schemas/types.generated.js";

export type * from "./schemas/types.generated.js";

export interface BilagaDocument {
  data: Bilaga;
  file: SourceFile;
}

export interface Agreement {
  /** Folder of the agreement. */
  dir: string;
  /** Folder name; the agreement's id. */
  name: string;
  data: Overenskommelse;
  file: SourceFile;
  /** Bilagor sorted by number. */
  bilagor: BilagaDocument[];
}

export const isSaknas = (value: unknown): value is Saknas =>
  typeof value === "object" && value !== null && "saknas" in value;

/** The value, or undefined when it is marked missing. */
export const known = <T>(value: T | Saknas | undefined): T | undefined =>
  value === undefined || isSaknas(value) ? undefined : value;

export const partById = (data: Overenskommelse, id: string): Part | undefined =>
  data.parter.find((p) => p.id === id);

/** The sum of a budget's rows, or undefined when a row's amount is missing. */
export function budgetSum(budget: Pick<Budget, "rader">): number | undefined {
  let total = 0;
  for (const row of budget.rader ?? []) {
    if (isSaknas(row.belopp)) return undefined;
    total += row.belopp;
  }
  return total;
}

/** The agreement's main party: the first public one, else the first party. */
export const mainParty = (data: Overenskommelse): Part | undefined =>
  data.parter.find((p) => p.sektor === "offentlig") ?? data.parter[0];

/** Parties that sign the agreement itself (all, unless `undertecknar: false`). */
export const signingParties = (data: Overenskommelse): Part[] =>
  data.parter.filter((p) => p.undertecknar !== false);

/** Parties that sign a bilaga: those listed, else the public parties and the bilaga's party. */
export function bilagaSigners(data: Overenskommelse, bilaga: Bilaga): Part[] {
  const ids = bilaga.undertecknare ?? [
    ...data.parter.filter((p) => p.sektor === "offentlig").map((p) => p.id),
    bilaga.part,
  ];
  return [...new Set(ids)].flatMap((id) => partById(data, id) ?? []);
}
