import {
  AlignmentType,
  type ILevelsOptions,
  type INumberingOptions,
  LevelFormat,
  LevelSuffix,
} from "docx";
import type { Block, DocumentTree, HeadingNode } from "../../document/types.js";
import { HEADING_HANGING, LIST_HANGING, LIST_INDENT } from "./layout.js";

/** Numbering references (docx turns each into one `w:abstractNum` and its `w:num`s). */
export const HEADING_NUMBERING = "headings";
export const BULLET_NUMBERING = "bullet";
export const ORDERED_NUMBERING = "ordered";

/** Word allows nine list levels (0–8). */
export const MAX_LIST_LEVEL = 8;
const LEVELS = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => level);

/**
 * Section numbers "1", "1.1", "1.1.1" through Word's own multilevel numbering, linked to the
 * heading styles (each level names its style, each style names the list), so a heading a jurist
 * adds in Word is numbered like the others and the numbers Word shows are the tree's.
 */
const headingLevels: ILevelsOptions[] = [0, 1, 2].map((level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join("."),
  start: 1,
  alignment: AlignmentType.LEFT,
  suffix: LevelSuffix.TAB,
  isLegalNumberingStyle: true,
  style: {
    style: `Heading${level + 1}`,
    paragraph: { indent: { left: HEADING_HANGING, hanging: HEADING_HANGING } },
  },
}));

const listIndent = (level: number) => ({
  paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_HANGING } },
});

const BULLETS = ["•", "–", "◦"] as const;
const bulletLevels: ILevelsOptions[] = LEVELS.map((level) => ({
  level,
  format: LevelFormat.BULLET,
  text: BULLETS[level % BULLETS.length],
  alignment: AlignmentType.LEFT,
  style: listIndent(level),
}));

/** "1.", "a)", "i." and round again, as Swedish agreements number their points. */
const ORDERED = [
  [LevelFormat.DECIMAL, "."],
  [LevelFormat.LOWER_LETTER, ")"],
  [LevelFormat.LOWER_ROMAN, "."],
] as const;
const orderedLevels: ILevelsOptions[] = LEVELS.map((level) => {
  const [format, suffix] = ORDERED[level % ORDERED.length] ?? ORDERED[0];
  return {
    level,
    format,
    text: `%${level + 1}${suffix}`,
    start: 1,
    alignment: AlignmentType.LEFT,
    style: listIndent(level),
  };
});

export const numbering = (): INumberingOptions => ({
  config: [
    { reference: HEADING_NUMBERING, levels: headingLevels },
    { reference: BULLET_NUMBERING, levels: bulletLevels },
    { reference: ORDERED_NUMBERING, levels: orderedLevels },
  ],
});

/**
 * The numbers Word gives headings of these depths when every heading is in the one heading list:
 * a heading counts up its level and restarts the levels below it.
 */
function wordHeadingNumbers(depths: readonly number[]): string[] {
  const counters = [0, 0, 0];
  return depths.map((depth) => {
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    counters.fill(0, depth);
    return counters.slice(0, depth).join(".");
  });
}

/** Every heading of the tree in document order, those inside list items too. */
export function headings(blocks: readonly Block[]): HeadingNode[] {
  return blocks.flatMap((block) => {
    if (block.type === "heading") return [block];
    if (block.type === "list") return block.items.flatMap(headings);
    return [];
  });
}

/**
 * Whether Word's automatic numbering shows exactly the tree's section numbers. When it does not
 * (a redline that keeps deleted sections, or a tree numbered differently), the renderer writes the
 * numbers as text instead: the document must say what the tree says.
 */
export function wordNumbersMatch(tree: DocumentTree): boolean {
  // Unnumbered headings are off the list (numId 0), so Word does not count them.
  const nodes = headings(tree.children).filter((h) => h.number !== "");
  const word = wordHeadingNumbers(nodes.map((h) => h.depth));
  return nodes.every((node, i) => node.number === word[i]);
}
