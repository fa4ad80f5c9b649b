import type { Diagnostic } from "../../diagnostics.js";
import { isSaknas } from "../../model.js";
import { diagnosticAt, documents, walk } from "./context.js";
import type { Rule } from "./index.js";

/** What names a list item in a description: its name, post, term, heading, id, party or year. */
function itemLabel(item: Record<string, unknown> | undefined): unknown {
  if (!item || typeof item !== "object") return undefined;
  return (
    item.namn ??
    item.post ??
    item.term ??
    item.rubrik ??
    item.id ??
    item.part ??
    (typeof item.år === "number" ? String(item.år) : undefined)
  );
}

/** A readable Swedish description of where a value sits, naming the party when under `parter`. */
function describe(root: unknown, path: (string | number)[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const seg of path) {
    if (typeof seg === "number") {
      const label = itemLabel((node as unknown[])[seg] as Record<string, unknown> | undefined);
      parts.push(typeof label === "string" ? `«${label}»` : `nr ${seg + 1}`);
    } else parts.push(seg.replaceAll("_", " "));
    node = (node as Record<string | number, unknown>)[seg];
  }
  return parts.join(" › ");
}

/** Every fact marked `saknas` gives a warning, so nothing missing goes unnoticed. */
export const saknas: Rule = {
  id: "uppgift-saknas",
  run(agreement, schema) {
    const out: Diagnostic[] = [];
    for (const { file, value } of documents(agreement)) {
      walk(schema, file, value, (v, path) => {
        if (isSaknas(v) && schema.valid(file, path)) {
          out.push(
            diagnosticAt(
              file,
              path,
              "varning",
              "uppgift-saknas",
              `Uppgift saknas: ${describe(value, path)} (${v.saknas}).`,
            ),
          );
        }
      });
    }
    return out;
  },
};
