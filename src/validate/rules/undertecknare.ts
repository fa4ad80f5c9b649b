import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/**
 * Every signing party has a signatory (the signatory, or its name and title, may be marked missing
 * when not yet named, which warns).
 */
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
              `${part.namn} undertecknar men saknar undertecknare. Ange undertecknare med namn och titel (var och en kan vara saknas: <skäl>), undertecknare: { saknas: <skäl> } om ingen är utsedd ännu, eller undertecknar: false.`,
            ),
          ]
        : [],
    );
  },
};
