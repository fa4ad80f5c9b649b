import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** A draft is allowed but flagged, so it is not sent for signing by mistake. */
export const status: Rule = {
  id: "utkast",
  run({ data, file }, schema) {
    return schema.valid(file, ["status"]) && data.status === "utkast"
      ? [
          diagnosticAt(
            file,
            ["status"],
            "varning",
            "utkast",
            "Överenskommelsen är ett utkast och ska inte undertecknas i denna form.",
          ),
        ]
      : [];
  },
};
