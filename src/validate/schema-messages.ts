import type { ErrorObject } from "ajv";
import type { RuleId } from "../diagnostics.js";
import { pointerSegments } from "../json-pointer.js";
import { schemaRule } from "./rule-ids.js";

export interface SchemaMessage {
  message: string;
  rule: RuleId;
  /** Point at the key rather than the value (misspelt keys). */
  atKey: boolean;
  /** Extra path segments below instancePath (the offending key). */
  extraPath: (string | number)[];
}

const FORMATS: Record<string, string> = {
  "^\\d{6}-\\d{4}$": "ett organisationsnummer som NNNNNN-NNNN, inom citattecken",
  "^\\d{4}-\\d{2}-\\d{2}$": "ett datum som ÅÅÅÅ-MM-DD",
  "^\\d{4}(-(0[1-9]|1[0-2])(-\\d{2})?)?$":
    "ett datum som ÅÅÅÅ-MM-DD, en månad som ÅÅÅÅ-MM eller ett årtal ÅÅÅÅ, inom citattecken",
  "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": 'en dag på året som MM-DD, t.ex. "09-30"',
  "^[a-z0-9][a-z0-9-]*$": "ett id med små bokstäver a–z, siffror och bindestreck",
  "^[^\\n]*$": "en enda rad utan radbrytning",
  "^\\d{3} ?\\d{2}$": 'ett postnummer som "391 28"',
};

const TYPES: Record<string, string> = {
  string: "text",
  integer: "ett heltal",
  number: "ett tal",
  boolean: "sant eller falskt (true/false)",
  object: "en samling nycklar",
  array: "en lista",
};

const valueAt = (root: unknown, pointer: string): unknown => {
  let v = root;
  for (const seg of pointerSegments(pointer)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
};

/** A Swedish message for one ajv error. Rule ids are `schema-<keyword>`. */
export function schemaMessage(error: ErrorObject, root: unknown): SchemaMessage {
  const p = error.params as Record<string, unknown>;
  const base = {
    atKey: false,
    extraPath: [] as (string | number)[],
    rule: schemaRule(error.keyword) as RuleId,
  };
  const value = valueAt(root, error.instancePath);
  switch (error.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const near = closest(key, allowed);
      return {
        ...base,
        rule: "schema-okand-nyckel",
        atKey: true,
        extraPath: [key],
        message: `Okänd nyckel "${key}".${near ? ` Menade du "${near}"?` : ""}${allowed.length ? ` Tillåtna nycklar: ${allowed.join(", ")}.` : ""}`,
      };
    }
    case "required":
      return {
        ...base,
        rule: "schema-nyckel-saknas",
        message: `Nyckeln "${String(p.missingProperty)}" saknas. Ange den, eller markera uppgiften som saknad med saknas: <skäl> där det är tillåtet.`,
      };
    case "type":
      return { ...base, ...typeMessage(error, value) };
    case "pattern": {
      const what = FORMATS[String(p.pattern)] ?? `text som följer mönstret ${String(p.pattern)}`;
      return {
        ...base,
        rule: "schema-format",
        message: `"${String(value)}" har fel form; ange ${what}.`,
      };
    }
    case "format":
      return {
        ...base,
        rule: "schema-format",
        message: `"${String(value)}" är inte ett giltigt datum (ÅÅÅÅ-MM-DD).`,
      };
    case "enum":
      return {
        ...base,
        message: `Värdet "${String(value)}" är inte tillåtet. Välj ett av: ${(p.allowedValues as unknown[]).join(", ")}.`,
      };
    case "const":
      return { ...base, message: `Värdet ska vara "${String(p.allowedValue)}".` };
    case "minLength":
      return { ...base, message: "Texten får inte vara tom." };
    case "minItems":
      return {
        ...base,
        message: `Listan ska ha minst ${String(p.limit)} ${Number(p.limit) === 1 ? "post" : "poster"}.`,
      };
    case "minimum":
    case "exclusiveMinimum":
      return {
        ...base,
        message: `Värdet ${String(value)} är för litet; det ska vara ${error.keyword === "minimum" ? "minst" : "större än"} ${String(p.limit)}.`,
      };
    case "oneOf":
      return {
        ...base,
        rule: "schema-form",
        message:
          "Värdet har fel form. Ange ett giltigt värde, eller markera uppgiften som saknad med saknas: <skäl>.",
      };
    default:
      return { ...base, message: `Ogiltigt värde (${error.message ?? error.keyword}).` };
  }
}

/** A value of the wrong type: a hint for a common slip, or which type it should be. */
function typeMessage(error: ErrorObject, value: unknown): { message: string; rule?: RuleId } {
  const type = String((error.params as { type?: unknown }).type);
  const want = type
    .split(",")
    .map((t) => TYPES[t] ?? t)
    .join(" eller ");
  const hint = typeHint(error, want, value);
  if (hint) return hint;
  if (type.startsWith("string") && (typeof value === "number" || typeof value === "boolean")) {
    return {
      rule: "schema-citera-text",
      message: `Värdet ${String(value)} tolkas som ${typeof value === "number" ? "ett tal" : "sant/falskt"} men ska vara text. Skriv det inom citattecken, t.ex. "${String(value)}".`,
    };
  }
  return { message: `Värdet ska vara ${want}.` };
}

/** Keys whose numbers are amounts in kronor. */
const AMOUNTS = new Set(["belopp", "summa", "kronor_per_invånare"]);

/**
 * Help for the common slips behind a value of the wrong type: a number written with spaces
 * ("575 000"), a fact marked `saknas` where that is not allowed, and a text with ": " in it,
 * which YAML reads as a key and a value.
 */
function typeHint(
  error: ErrorObject,
  want: string,
  value: unknown,
): { message: string; rule: RuleId } | undefined {
  const type = String((error.params as { type?: unknown }).type);
  return (
    spacedNumberHint(error, type, value) ??
    saknasHint(error, type, want, value) ??
    colonHint(type, value)
  );
}

/** A number written with spaces, perhaps with "kr": "575 000 kr". */
function spacedNumberHint(
  error: ErrorObject,
  type: string,
  value: unknown,
): { message: string; rule: RuleId } | undefined {
  const numeric = type.startsWith("integer") || type.startsWith("number");
  if (!numeric || typeof value !== "string") return undefined;
  const spaced =
    /^\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[ \u00a0\u202f]*(?:kr|kronor|:-))?\s*$/i.exec(value);
  if (!spaced) return undefined;
  const key = pointerSegments(error.instancePath).pop();
  const digits = (spaced[1] ?? "").replace(/\D/g, "");
  const what = key && AMOUNTS.has(key) ? "beloppet" : "talet";
  return {
    rule: "schema-tal-med-mellanslag",
    message: `"${value}" är text, inte ett tal. Skriv ${what} utan mellanslag${/\d\s*\D+$/.test(value.trim()) ? " och utan kr" : ""}, t.ex. ${digits}.`,
  };
}

/**
 * A fact marked `saknas` where that is not allowed. Where saknas is allowed (a oneOf with it for
 * this very value, not for one that holds it), a wrong saknas is another matter.
 */
function saknasHint(
  error: ErrorObject,
  type: string,
  want: string,
  value: unknown,
): { message: string; rule: RuleId } | undefined {
  const branch = error.schemaPath.split(/\/oneOf\/\d+/);
  const ownOneOf =
    branch.length > 1 && !/\/(properties|items|additionalProperties)\//.test(branch.at(-1) ?? "");
  if (!isPlainObject(value) || !("saknas" in value) || ownOneOf) return undefined;
  return {
    rule: "schema-saknas-ej-tillatet",
    message:
      type === "array"
        ? `Den här uppgiften kan inte markeras med saknas; den ska vara en lista, med en post per rad som börjar med "- ". Är listan frivillig kan nyckeln i stället utelämnas.`
        : `Den här uppgiften kan inte markeras med saknas; den ska vara ${want}.`,
  };
}

/** A text with ": " in it, which YAML reads as a key and a value. */
function colonHint(type: string, value: unknown): { message: string; rule: RuleId } | undefined {
  if (type !== "string" || !isPlainObject(value) || Object.keys(value).length !== 1)
    return undefined;
  const [[k, v]] = Object.entries(value) as [[string, unknown]];
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  return {
    rule: "schema-kolon-i-text",
    message: `Texten innehåller kolon följt av mellanslag och läses därför som nyckel och värde. Sätt texten inom citattecken: "${k}: ${String(v)}"`,
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The allowed key nearest to a misspelt one (Levenshtein distance ≤ 3). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
