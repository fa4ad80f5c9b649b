import { dateLine, signatoryLine } from "../../../document/text.js";
import type { SignaturesNode } from "../../../document/types.js";
import { escapeHtml } from "../escape.js";
import type { BlockHandler } from "../state.js";

/**
 * `signatures` → one block per party: "För <party>", a signature line, name and title (left
 * empty when the source lacks them), and "<ort> den ____________ <år>", with a blank for an
 * unknown place as in the Word, PDF and Markdown documents.
 */
export const signatures: BlockHandler<SignaturesNode> = (_state, node) => {
  const blocks = node.blocks.map((s) => {
    return [
      '<div class="underskrift">',
      `<p>För ${escapeHtml(s.party)}</p>`,
      '<p class="linje"></p>',
      `<p>${escapeHtml(signatoryLine(s))}</p>`,
      `<p>${escapeHtml(dateLine(s))}</p>`,
      "</div>",
    ].join("");
  });
  return `<div class="underskrifter">\n${blocks.join("\n")}\n</div>`;
};
