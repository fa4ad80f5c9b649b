/** Lookup helpers: parties and bodies by id, required and known values. */
import type { HelperDelegate } from "handlebars";
import { capitalize, MISSING } from "../../format.js";
import { isSaknas, partById } from "../../model.js";
import { ComposeError } from "../errors.js";
import { helper } from "./define.js";

const where = (klausul: string | undefined) => (klausul ? `Klausulen ${klausul}` : "Mallen");

/** A value given as text or a number, or a compose error naming the field the clause needs. */
function givenText(v: unknown, field: unknown, klausul: string | undefined): string | number {
  if (v === undefined || v === null || v === "") {
    throw new ComposeError(
      `${where(klausul)} kräver uppgiften ${String(field)}, som saknas.`,
      "klausul-data-saknas",
    );
  }
  if (typeof v !== "string" && typeof v !== "number") {
    throw new ComposeError(
      `Uppgiften ${String(field)} kan inte skrivas som text.`,
      "mall-argument",
    );
  }
  return v;
}

export const dataHelpers: Record<string, HelperDelegate> = {
  /** The party with this id (its Markdown view). */
  part: helper("part", 1, ([id], { root, section }) => {
    if (typeof id !== "string") {
      throw new ComposeError(
        `${where(section?.klausul)} behöver en part (parametrar.part).`,
        "klausul-parameter-saknas",
      );
    }
    const part = partById(root.överenskommelse, id);
    if (!part) {
      throw new ComposeError(
        `Parten "${id}" finns inte bland parterna.`,
        "klausul-parameter-okand",
      );
    }
    return part;
  }),
  /** The governance body with this id. */
  organ: helper("organ", 1, ([id], { root, section }) => {
    if (typeof id !== "string") {
      throw new ComposeError(
        `${where(section?.klausul)} behöver ett styrningsorgan (parametrar.organ eller parametrar.forum).`,
        "klausul-parameter-saknas",
      );
    }
    const organ = root.överenskommelse.styrning?.find((o) => o.id === id);
    if (!organ) {
      throw new ComposeError(
        `Styrningsorganet "${id}" finns inte under styrning.`,
        "klausul-parameter-okand",
      );
    }
    return organ;
  }),
  /** A budget of the bilaga's `ekonomi` ("ersättning" or "egenfinansiering"). */
  bilagebudget: helper("bilagebudget", 1, ([kind], { root, section }) => {
    if (kind !== "ersättning" && kind !== "egenfinansiering") {
      throw new ComposeError(`Okänd budget "${String(kind)}".`, "mall-argument");
    }
    const budget = root.bilaga?.ekonomi?.[kind];
    if (!budget) {
      throw new ComposeError(
        `${where(section?.klausul)} kräver uppgiften ekonomi.${kind} i bilagan, som saknas.`,
        "klausul-data-saknas",
      );
    }
    return budget;
  }),
  /** An optional object's field, or undefined when the object is absent (strict mode would throw). */
  fält: helper("fält", 2, ([object, key]) =>
    object !== null && typeof object === "object" && typeof key === "string"
      ? (object as Record<string, unknown>)[key]
      : undefined,
  ),
  /** True when both values are equal (===). */
  lika: helper("lika", 2, ([a, b]) => a === b),
  /** The first argument that is given. */
  eller: helper("eller", [1, 5], (args) => args.find((v) => v !== undefined && v !== null)),
  /** True when a value is given and not marked missing. */
  känd: helper("känd", 1, ([v]) => v !== undefined && v !== null && v !== "" && !isSaknas(v)),
  /** True when a value is marked missing (`{ saknas: "…" }`). */
  saknad: helper("saknad", 1, ([v]) => isSaknas(v)),
  /**
   * The value, "Uppgift saknas." when it is marked missing (a paragraph of its own, the one way a
   * missing fact is printed; `iop check` warns about it), or a compose error naming the field the
   * clause needs when it is not given at all.
   */
  kräv: helper("kräv", 2, ([v, field], { section }) =>
    isSaknas(v) ? `${capitalize(MISSING)}.` : givenText(v, field, section?.klausul),
  ),
  /**
   * A fact for a field of an own wording (`fält …` in a clause's front matter): the value, or a
   * compose error when it is not given or marked missing, so the wording reports the field instead
   * of printing "Uppgift saknas." inside its sentence.
   */
  uppgift: helper("uppgift", 2, ([v, field], { section }) => {
    if (isSaknas(v)) {
      throw new ComposeError(
        `Uppgiften ${String(field)} är markerad som saknad.`,
        "klausul-data-saknas",
      );
    }
    return givenText(v, field, section?.klausul);
  }),
  /** A field that does not apply to this agreement: a compose error saying why. */
  "gäller-inte": helper("gäller-inte", 1, ([why]) => {
    throw new ComposeError(String(why), "klausul-data-saknas");
  }),
  /** A structured value (object or list) the clause needs, or a compose error naming it. */
  "kräv-data": helper("kräv-data", 2, ([v, field], { section }) => {
    if (v === undefined || v === null || isSaknas(v) || typeof v !== "object") {
      throw new ComposeError(
        `${where(section?.klausul)} kräver uppgiften ${String(field)}, som saknas.`,
        "klausul-data-saknas",
      );
    }
    return v;
  }),
  /** The names of a list of parties. */
  namnen: helper("namnen", 1, ([parts]) => {
    if (!Array.isArray(parts))
      throw new ComposeError("namnen behöver en lista med parter.", "mall-argument");
    return parts.map((p: { namn?: unknown }) => {
      if (typeof p?.namn !== "string")
        throw new ComposeError("En part saknar namn.", "mall-argument");
      return p.namn;
    });
  }),
};
