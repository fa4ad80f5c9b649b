import { diagnosticAt, items } from "./context.js";
import type { Rule } from "./index.js";

/**
 * Every signing party has a signatory (the signatory, or its name and title, may be marked missing
 * when not yet named, which warns). Only parties without schema errors are checked: a missing key
 * may be a misspelt one.
 */
export const undertecknare: Rule = {
  id: "undertecknare-saknas",
  run({ data, file }, schema) {
    return items(schema, file, ["parter"], data.parter).flatMap(([part, i]) =>
      schema.valid(file, ["parter", i]) && part.undertecknar !== false && !part.undertecknare
        ? [
            diagnosticAt(
              file,
              ["parter", i],
              "fel",
              "undertecknare-saknas",
              `${part.namn} undertecknar men saknar undertecknare. Ange undertecknare med namn och titel (vardera kan markeras med saknas: <skäl>), undertecknare: { saknas: <skäl> } om ingen är utsedd ännu, eller undertecknar: false.`,
            ),
          ]
        : [],
    );
  },
};
