/**
 * Text directives: `:avsnitt[id]` becomes the section's current number ("3.2"; an unnumbered
 * section's heading: `avsnittet ”Bilagor”`), `:part[id]` the
 * party's name. Any other text directive is not a reference but ordinary text that happens to look
 * like one ("FN:s", "kl. 10:30"): its source is kept as it is. One that carries a label or
 * attributes (`:avsnit[x]`) is most likely a misspelt reference and gets a warning.
 */
import type { TextDirective } from "mdast-util-directive";
import type { State } from "../state.js";
import { sectionReference } from "../text.js";
import type { InlineHandler } from "./types.js";

const labelOf = (node: TextDirective): string =>
  node.children
    .map((c) => ("value" in c ? c.value : ""))
    .join("")
    .trim();

const documentName = (state: State) => (state.kind === "bilaga" ? "bilagan" : "överenskommelsen");

function sectionText(state: State, id: string): string | undefined {
  const section = state.sections.get(id);
  return section && sectionReference(section.number, section.title);
}

export const textDirective: InlineHandler<"textDirective"> = (state, node) => {
  const token = state.raw(node);
  if (node.name === "avsnitt" || node.name === "part") {
    const id = labelOf(node);
    const value = node.name === "avsnitt" ? sectionText(state, id) : state.parties.get(id);
    if (value !== undefined) return [{ type: "text", value }];
    state.report(
      node.name === "avsnitt"
        ? {
            rule: "hanvisning-avsnitt-saknas",
            message: `Hänvisningen ${token} pekar på ett avsnitt som inte finns i ${documentName(state)}. Ange id för ett avsnitt i samma dokument.`,
            severity: "fel",
            token,
            at: token.indexOf("[") + 1,
          }
        : {
            rule: "hanvisning-part-saknas",
            message: `Hänvisningen ${token} pekar på en part som inte finns. Ange id för en av parterna.`,
            severity: "fel",
            token,
            at: token.indexOf("[") + 1,
          },
    );
    return [{ type: "text", value: token }];
  }
  if (node.children.length > 0 || Object.keys(node.attributes ?? {}).length > 0) {
    state.report({
      rule: "hanvisning-okand",
      message: `${token} är ingen känd hänvisning; skriv :avsnitt[id] eller :part[id].`,
      severity: "varning",
      token,
    });
  }
  return [{ type: "text", value: token }];
};
