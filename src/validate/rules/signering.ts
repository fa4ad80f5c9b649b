import { clausesOf, diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** An agreement is signed: without a `signering` section it has no signature blocks at all. */
export const signering: Rule = {
  id: "signering-saknas",
  run({ data, file }) {
    return clausesOf(data.avsnitt).has("signering")
      ? []
      : [
          diagnosticAt(
            file,
            ["avsnitt"],
            "varning",
            "signering-saknas",
            "Överenskommelsen har inget avsnitt för underskrifter. Lägg till ett avsnitt med klausul: signering.",
            true,
          ),
        ];
  },
};
