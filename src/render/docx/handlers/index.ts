import type { Handlers } from "../state.js";
import { lineBreak } from "./break.js";
import { change } from "./change.js";
import { emphasis } from "./emphasis.js";
import { heading } from "./heading.js";
import { list } from "./list.js";
import { paragraph } from "./paragraph.js";
import { signatures } from "./signatures.js";
import { strong } from "./strong.js";
import { table } from "./table.js";
import { text } from "./text.js";
import { unknownBlock, unknownInline } from "./unknown.js";

/** One handler per node kind of the document tree. */
export const handlers: Handlers = {
  block: { heading, paragraph, list, table, signatures },
  inline: { text, strong, emphasis, break: lineBreak, change },
  unknownBlock,
  unknownInline,
};
