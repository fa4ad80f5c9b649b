import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** `samlingsnamn` names the idéburna parties together, so the agreement must have some. */
export const samlingsnamn: Rule = {
  id: "samlingsnamn",
  run({ data, file }) {
    if (data.samlingsnamn === undefined) return [];
    const count = data.parter.filter((p) => p.sektor === "idéburen").length;
    return count === 0
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
