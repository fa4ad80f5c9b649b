import { diagnosticAt, items } from "./context.js";
import type { Rule } from "./index.js";

/**
 * `samlingsnamn` names the idéburna parties together, so the agreement must have some. Not told
 * when a party has a schema error (its sektor may be meant as idéburen).
 */
export const samlingsnamn: Rule = {
  id: "samlingsnamn",
  run({ data, file }, schema) {
    if (data.samlingsnamn === undefined || !schema.valid(file, ["samlingsnamn"])) return [];
    const parties = items(schema, file, ["parter"], data.parter);
    const sectors = parties.every(([, i]) => schema.valid(file, ["parter", i, "sektor"]));
    if (!schema.formed(file, ["parter"]) || parties.length !== data.parter.length || !sectors) {
      return [];
    }
    return parties.every(([p]) => p.sektor !== "idéburen")
      ? [
          diagnosticAt(
            file,
            ["samlingsnamn"],
            "varning",
            "samlingsnamn-utan-ideburna",
            `Samlingsnamnet "${data.samlingsnamn}" används inte: överenskommelsen har inga idéburna parter.`,
          ),
        ]
      : [];
  },
};
