import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** Every signing party has a signatory (name and title may be marked missing, which warns). */
export const undertecknare: Rule = {
  id: "undertecknare-saknas",
  run({ data, file }) {
    return data.parter.flatMap((part, i) =>
      part.undertecknar !== false && !part.undertecknare
        ? [
            diagnosticAt(
              file,
              ["parter", i],
              "fel",
              "undertecknare-saknas",
              `${part.namn} undertecknar men saknar undertecknare. Ange undertecknare med namn och titel (eller saknas: <skäl>), eller undertecknar: false.`,
            ),
          ]
        : [],
    );
  },
};
