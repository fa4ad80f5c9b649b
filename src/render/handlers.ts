/**
 * The one handler contract of the renderers (markdown, html, docx, pdf), after unified's
 * mdast-util-to-hast: a handler per node kind of the document tree, `block` and `inline`, and an
 * explicit fallback for each, `unknownBlock` and `unknownInline`, for a node kind the renderer does
 * not know (a tree from a newer document stage): it renders what text the node has and never
 * throws. Each renderer fixes the types of its state, its output and any extra argument.
 */
import type { Block, Inline } from "../document/types.js";

/** The types a renderer's handlers work with. */
export interface HandlerTypes {
  /** What block handlers get first (the renderer's state while one document renders). */
  state: unknown;
  /** What inline handlers get first (the block state, or one of their own). */
  inlineState: unknown;
  /** What a block handler returns, and what an inline handler returns. */
  block: unknown;
  inline: unknown;
  /** Extra arguments after the node (docx: the block's placement; the run's marks). */
  blockArgs: unknown[];
  inlineArgs: unknown[];
}

export type BlockOf<K extends Block["type"]> = Extract<Block, { type: K }>;
export type InlineOf<K extends Inline["type"]> = Extract<Inline, { type: K }>;

/** One node to the renderer's output. */
export type Handler<S, N, Out, Args extends unknown[]> = (state: S, node: N, ...args: Args) => Out;

export interface Handlers<T extends HandlerTypes> {
  block: { [K in Block["type"]]: Handler<T["state"], BlockOf<K>, T["block"], T["blockArgs"]> };
  inline: {
    [K in Inline["type"]]: Handler<T["inlineState"], InlineOf<K>, T["inline"], T["inlineArgs"]>;
  };
  /** For a block kind without a handler. */
  unknownBlock: Handler<T["state"], unknown, T["block"], T["blockArgs"]>;
  /** For an inline kind without a handler. */
  unknownInline: Handler<T["inlineState"], unknown, T["inline"], T["inlineArgs"]>;
}

/** The handler of a block: its kind's, else the fallback. */
export const blockHandler = <F>(handlers: { block: object; unknownBlock: F }, node: Block): F =>
  (handlers.block as Partial<Record<string, F>>)[node.type] ?? handlers.unknownBlock;

/** The handler of an inline node: its kind's, else the fallback. */
export const inlineHandler = <F>(handlers: { inline: object; unknownInline: F }, node: Inline): F =>
  (handlers.inline as Partial<Record<string, F>>)[node.type] ?? handlers.unknownInline;

/** A field of a node of unknown kind, for the fallbacks. */
export const field = (node: unknown, key: string): unknown =>
  typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
