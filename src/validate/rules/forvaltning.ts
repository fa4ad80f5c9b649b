import { diagnosticAt, items, partyName } from "./context.js";
import type { Rule } from "./index.js";

/**
 * `förvaltning` names the administration that acts for a public party; an idéburen party has none.
 * Only checked when the party's förvaltning and sektor passed the schema.
 */
export const forvaltning: Rule = {
  id: "forvaltning",
  run({ data, file }, schema) {
    return items(schema, file, ["parter"], data.parter).flatMap(([part, i]) => {
      const valid = (key: string) => schema.valid(file, ["parter", i, key]);
      return part.förvaltning !== undefined &&
        valid("förvaltning") &&
        valid("sektor") &&
        part.sektor !== "offentlig"
        ? [
            diagnosticAt(
              file,
              ["parter", i, "förvaltning"],
              "fel",
              "forvaltning-ideburen",
              `${partyName(schema, file, data.parter, i)} är en idéburen part och kan inte ha en förvaltning; förvaltning anges för en offentlig part (t.ex. den förvaltning som handlar för nämnden).`,
            ),
          ]
        : [];
    });
  },
};
