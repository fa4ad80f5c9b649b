/**
 * Document stage: iop Markdown → document tree (./types.ts).
 *
 * The Markdown is parsed with remark (CommonMark, GFM tables, directives); the title block (the
 * leading `#` heading and an italic subtitle paragraph right after it) is dropped because the
 * tree carries title and subtitle in `meta`; top-level headings are numbered as sections; every
 * other node goes through its handler in ./handlers/. References are resolved here, and a broken
 * one is a diagnostic located at the reference in the YAML (see ./locate.ts).
 */
import type { Heading, Nodes, RootContent } from "mdast";
import type { ComposedDocument } from "../compose/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { blockHandlers, defaultBlock, defaultInline, inlineHandlers } from "./handlers/index.js";
import type { BlockHandler, InlineHandler } from "./handlers/types.js";
import { locateProblems } from "./locate.js";
import { numberSections } from "./numbering.js";
import { parseMarkdownShared } from "./parse.js";
import type { BuildProblem, SectionInfo, State } from "./state.js";
import type { DocumentTree, Inline } from "./types.js";

/** What the builder needs from a composed document. */
export type BuildInput = Pick<
  ComposedDocument,
  "name" | "kind" | "markdown" | "meta" | "signing" | "parties" | "source" | "files"
>;

/**
 * Skips the title block: a leading `#` heading and, when the document has a subtitle, the
 * emphasis-only paragraph after it (without one, that paragraph is text: a section without a
 * heading may open the document).
 */
function withoutTitle(nodes: RootContent[], subtitle: boolean): RootContent[] {
  let start = 0;
  const first = nodes[0];
  if (first?.type === "heading" && first.depth === 1) {
    start = 1;
    const next = nodes[1];
    if (subtitle && next?.type === "paragraph" && next.children.length === 1) {
      if (next.children[0]?.type === "emphasis") start = 2;
    }
  }
  return nodes.slice(start);
}

/** Merges adjacent text nodes. */
function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === "text" && prev?.type === "text") {
      out[out.length - 1] = { type: "text", value: prev.value + node.value };
    } else if (node.type !== "text" || node.value !== "") {
      out.push(node);
    }
  }
  return out;
}

/** A node's source text, sliced from the Markdown by its position ("" without one). */
const rawOf =
  (markdown: string) =>
  (node: Nodes): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? "" : markdown.slice(start, end);
  };

function createState(
  doc: BuildInput,
  headings: Map<Heading, SectionInfo>,
  sections: Map<string, SectionInfo>,
  raw: (node: Nodes) => string,
): State {
  const problems: BuildProblem[] = [];
  const state: State = {
    source: doc.markdown,
    kind: doc.kind,
    parties: new Map(doc.parties.map((p) => [p.id, p.name])),
    sections,
    headings,
    problems,
    blocks: (nodes) =>
      nodes.flatMap((node) => {
        const handler = blockHandlers[node.type] as BlockHandler | undefined;
        return handler ? handler(state, node) : defaultBlock(state, node);
      }),
    inlines: (nodes) =>
      mergeText(
        nodes.flatMap((node) => {
          const handler = inlineHandlers[node.type] as InlineHandler | undefined;
          return handler ? handler(state, node) : defaultInline(state, node);
        }),
      ),
    raw,
    report: (problem) => problems.push(problem),
  };
  return state;
}

/**
 * Builds the document tree of one composed document. Never throws: constructs without a
 * handler keep their text, and broken references come back as diagnostics (Swedish, with the
 * YAML file and line of the reference when the document came from compose).
 */
export function buildDocument(doc: BuildInput): { tree: DocumentTree; diagnostics: Diagnostic[] } {
  const root = parseMarkdownShared(doc.markdown);
  const content = withoutTitle(root.children, Boolean(doc.meta.subtitle));
  const raw = rawOf(doc.markdown);
  const { headings, byId } = numberSections(content, raw);
  const state = createState(doc, headings, byId, raw);
  const children = state.blocks(content);
  const tree: DocumentTree = {
    type: "document",
    kind: doc.kind,
    name: doc.name,
    meta: doc.meta,
    signing: doc.signing,
    children,
  };
  return { tree, diagnostics: locateProblems(doc, state.problems) };
}
