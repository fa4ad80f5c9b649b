import { diagnosticAt, sectionUse } from "./context.js";
import type { Rule } from "./index.js";

/**
 * An agreement is signed: without a `signering` section it has no signature blocks at all. Not
 * told when a section has a schema error (its klausul may be misspelt).
 */
export const signering: Rule = {
  id: "signering-saknas",
  run({ data, file }, schema) {
    const use = sectionUse(schema, file, data.avsnitt);
    return use.clauses.has("signering") || !use.clausesComplete
      ? []
      : [
          diagnosticAt(
            file,
            ["avsnitt"],
            "varning",
            "signering-saknas",
            "Överenskommelsen har inget avsnitt för underskrifter. Lägg till ett avsnitt med klausul: signering.",
            "key",
          ),
        ];
  },
};
