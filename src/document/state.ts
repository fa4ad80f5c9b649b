/**
 * The state passed to every handler (like mdast-util-to-hast's): what the document knows
 * (parties, section numbers), the problems found so far, and `blocks` / `inlines` to convert
 * children with the registered handlers.
 */
import type { Heading, Nodes } from "mdast";
import type { RuleId } from "../diagnostics.js";
import type { Block, Inline } from "./types.js";

export interface SectionInfo {
  /** "3", "3.1"; "" for an unnumbered section. */
  number: string;
  depth: 1 | 2 | 3;
  /** The heading's text, which a reference to an unnumbered section shows. */
  title: string;
  id?: string;
}

/** A problem found while building, before it is located in the YAML. */
export interface BuildProblem {
  rule: RuleId;
  message: string;
  severity: "fel" | "varning";
  /** The raw Markdown of the offending construct, e.g. ":avsnitt[styrgrupp]". */
  token: string;
  /** Where in the token to point (the id of a reference); its start when absent. */
  at?: number;
}

export interface State {
  /** The Markdown being built (raw slices are read from it by position). */
  source: string;
  kind: "overenskommelse" | "bilaga";
  /** Party names by id, for `:part[id]` and signature blocks. */
  parties: ReadonlyMap<string, string>;
  /** Sections by id, for `:avsnitt[id]`. */
  sections: ReadonlyMap<string, SectionInfo>;
  /** The numbered section headings (top-level headings only). */
  headings: ReadonlyMap<Heading, SectionInfo>;
  problems: BuildProblem[];
  /** Converts block-level children. */
  blocks(nodes: readonly Nodes[]): Block[];
  /** Converts phrasing children; adjacent text is merged, soft line breaks become spaces. */
  inlines(nodes: readonly Nodes[]): Inline[];
  /** The node's Markdown source. */
  raw(node: Nodes): string;
  report(problem: BuildProblem): void;
}
