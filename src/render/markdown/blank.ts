import type { Literal, PhrasingContent } from "mdast";
import type { Handle } from "mdast-util-to-markdown";

/**
 * A blank to fill in by hand (`____________`): the signature line and the unknown date, place or
 * name of a signature block. It is its own mdast node because the `text` handler escapes every
 * underscore that is not inside a word (`\_\_\_…`), which is right for data but makes the
 * printed blank unreadable in the .md file.
 */
export interface Blank extends Literal {
  type: "blank";
  /** The underscores, e.g. "____________". */
  value: string;
}

/** The line to sign on, and the one to print the name on when the source lacks it. */
export const LONG_BLANK = "______________________________";

/**
 * A blank, typed as phrasing content so it can stand in a paragraph. It is not registered in
 * mdast's node maps (`declare module "mdast"`): those are global, and every other stage that
 * walks mdast would then have to know it.
 */
export const blank = (value: string): PhrasingContent =>
  ({ type: "blank", value }) satisfies Blank as unknown as PhrasingContent;

/**
 * Serialises a blank as its underscores. A run of underscores with a space or a line edge on both
 * sides is neither an emphasis opener nor a closer in CommonMark, so it reads literally; the one
 * case that is not literal is a line of nothing but underscores (a thematic break), so a blank
 * alone on its line has its first underscore escaped (`\___…`). The renderer only places blanks
 * between spaces or at line edges.
 */
export const handleBlank = Object.assign(
  ((node: Blank, _parent, _state, info) => {
    const alone = /^\n?$/.test(info.before) && /^\n?$/.test(info.after);
    return alone ? `\\${node.value}` : node.value;
  }) satisfies Handle,
  {
    /** The character a blank starts with, so the text before it escapes what needs escaping. */
    peek: () => "_",
  },
);
