import type { Nodes } from "mdast";
import type { State } from "../state.js";
import type { Block, Inline } from "../types.js";

type NodeOf<K extends Nodes["type"]> = Extract<Nodes, { type: K }>;

/** Converts one block-level mdast node into zero or more tree blocks. */
export type BlockHandler<K extends Nodes["type"] = Nodes["type"]> = (
  state: State,
  node: NodeOf<K>,
) => Block[];
/** Converts one phrasing mdast node into zero or more inline nodes. */
export type InlineHandler<K extends Nodes["type"] = Nodes["type"]> = (
  state: State,
  node: NodeOf<K>,
) => Inline[];

export type BlockHandlers = { [K in Nodes["type"]]?: BlockHandler<K> };
export type InlineHandlers = { [K in Nodes["type"]]?: InlineHandler<K> };
