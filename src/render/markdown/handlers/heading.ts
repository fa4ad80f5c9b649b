import type { HeadingNode } from "../../../document/types.js";
import type { BlockHandler } from "../state.js";

/**
 * `heading` → an ATX heading one level below the title (`#`): depth 1 → `##`, 2 → `###`,
 * 3 → `####`, its final number first: `## 2.4 Partnerskapets syfte och mål`. The section id is not
 * written (no Markdown flavour we target reads `{#id}`).
 */
export const heading: BlockHandler<HeadingNode> = (state, node) => [
  {
    type: "heading",
    depth: (node.depth + 1) as 2 | 3 | 4,
    children: [
      ...(node.number ? [{ type: "text" as const, value: `${node.number} ` }] : []),
      ...state.inlines(node.children),
    ],
  },
];
