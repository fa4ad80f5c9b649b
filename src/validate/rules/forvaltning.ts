import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** `förvaltning` names the administration that acts for a public party; an idéburen party has none. */
export const forvaltning: Rule = {
  id: "forvaltning",
  run({ data, file }) {
    return data.parter.flatMap((part, i) =>
      part.förvaltning !== undefined && part.sektor !== "offentlig"
        ? [
            diagnosticAt(
              file,
              ["parter", i, "förvaltning"],
              "fel",
              "forvaltning-ideburen",
              `${part.namn} är en idéburen part och kan inte ha en förvaltning; förvaltning anges för en offentlig part (t.ex. den förvaltning som handlar för nämnden).`,
            ),
          ]
        : [],
    );
  },
};
