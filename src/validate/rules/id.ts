import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** The agreement's id is its folder name, so outputs and diffs find it. */
export const id: Rule = {
  id: "id-mappnamn",
  run({ data, file, name }, schema) {
    return !schema.valid(file, ["id"]) || data.id === name
      ? []
      : [
          diagnosticAt(
            file,
            ["id"],
            "fel",
            "id-mappnamn",
            `Överenskommelsens id "${data.id}" ska vara samma som mappens namn "${name}".`,
          ),
        ];
  },
};
