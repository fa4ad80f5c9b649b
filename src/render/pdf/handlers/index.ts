/** One handler per block kind: `(state, node) => void`, each pushing chunks onto `state.chunks`. */
import type { Block } from "../../../document/types.js";
import type { State } from "../state.js";
import { heading } from "./heading.js";
import { list } from "./list.js";
import { paragraph } from "./paragraph.js";
import { signatures } from "./signatures.js";
import { table } from "./table.js";

export type Handler<T extends Block> = (state: State, node: T) => void;

export const handlers: { [K in Block["type"]]: Handler<Extract<Block, { type: K }>> } = {
  heading,
  paragraph,
  list,
  table,
  signatures,
};
