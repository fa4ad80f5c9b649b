/**
 * Section helpers: the frame around each section (heading line, error capture), the choice of the
 * clause partial, `inled` (the clause's first sentence, replaceable by `parametrar.inledning`) and
 * `lydelse` (the clause's default wording, replaceable by the section's own wording).
 */
import type { HelperDelegate, HelperOptions } from "handlebars";
import { UNNUMBERED_CLASS } from "../../document/numbering.js";
import { BENAMNINGAR, type ComposeRoot, type SectionView } from "../context.js";
import type { Clause, Engine } from "../engine.js";
import { ComposeError, type ComposeProblem, isComposeError } from "../errors.js";
import { ownWording } from "../wording.js";
import { helper } from "./define.js";

/** Deepest section level; the document tree numbers 1, 1.1, 1.1.1. */
export const MAX_LEVEL = 3;

const problem = (error: unknown, path: (string | number)[]): ComposeProblem =>
  isComposeError(error)
    ? { message: error.message, rule: error.rule, path }
    : {
        message: `Internt fel i mallen: ${error instanceof Error ? error.message : String(error)}`,
        rule: "mall-fel",
        path,
      };

/** The clause of a section, checked against the library and the kind of document. */
function clauseOf(engine: Engine, name: unknown, root: ComposeRoot): Clause {
  const clause = typeof name === "string" ? engine.clauses.get(name) : undefined;
  if (!clause) {
    throw new ComposeError(
      `Klausulen "${String(name)}" finns inte i klausulbiblioteket.`,
      "klausul-okand",
    );
  }
  if (clause.only && clause.only !== root.dokument.typ) {
    throw new ComposeError(
      `Klausulen ${clause.name} kan bara användas i ${clause.only === "bilaga" ? "en bilaga" : "överenskommelsen"}.`,
      "klausul-fel-dokument",
    );
  }
  return clause;
}

function headingText(engine: Engine, section: SectionView, data: { root: ComposeRoot }): string {
  if (section.rubrik) return section.rubrik;
  if (!section.klausul) {
    throw new ComposeError(
      "Avsnittet saknar rubrik: ange rubrik eller klausul.",
      "avsnitt-rubrik-saknas",
    );
  }
  const clause = clauseOf(engine, section.klausul, data.root);
  const text = clause.heading(section, { data }).replace(/\s+/g, " ").trim();
  if (!text)
    throw new ComposeError(
      `Klausulen ${section.klausul} gav en tom rubrik.`,
      "avsnitt-rubrik-saknas",
    );
  return text;
}

/**
 * A warning when the clause's default wording speaks of agreement data (mål, värdegrund …) that
 * the agreement does not have: the text would state something the agreement does not support.
 * Data marked `saknas` is left to the uppgift-saknas warning, so a missing fact is told once.
 */
function checkPresupposed(
  clause: Clause,
  section: SectionView,
  root: ComposeRoot,
  problems: ComposeProblem[],
): void {
  const data = root.överenskommelse as unknown as Record<string, unknown>;
  const missing = clause.presupposes.filter((key) => data[key] === undefined);
  if (missing.length === 0) return;
  problems.push({
    severity: "varning",
    rule: "klausul-forutsatter",
    path: section.sökväg,
    message: `Klausulen ${clause.name} talar om ${clause.presupposes.join(", ")}, men överenskommelsen anger inte ${missing.join(", ")}. Ange uppgiften, eller skriv en egen lydelse som stämmer.`,
  });
}

/** An own wording needs a clause whose wording it replaces, and no `inledning` beside it. */
function checkOwnWording(section: SectionView, clause: Clause | undefined): void {
  if (!section.klausul) {
    throw new ComposeError(
      "En egen lydelse ersätter en klausuls standardlydelse: ange klausul, eller skriv texten under text.",
      "lydelse-utan-klausul",
    );
  }
  if (clause && !clause.worded) {
    throw new ComposeError(
      `Klausulen ${section.klausul} har ingen standardlydelse som kan ersättas: dess text kommer ur data. Ta bort lydelse och ändra uppgifterna i stället.`,
      "lydelse-utan-standardlydelse",
    );
  }
  if (section.parametrar.inledning !== undefined) {
    throw new ComposeError(
      "Ange antingen parametrar.inledning eller lydelse, inte båda: lydelsen ersätter hela klausulens text.",
      "lydelse-och-inledning",
    );
  }
}

/**
 * The heading line of a section and the blank line after it: `## Rubrik {#id}`, one `#` more per
 * level, `{#id .onumrerad}` (or `{.onumrerad}`) when it is unnumbered; nothing for a section
 * `utan_rubrik`, whose body then simply follows the section before it.
 */
function headingLine(section: SectionView, heading: string): string {
  if (section.utan_rubrik) return "";
  const marks = "#".repeat(Math.min(section.nivå, 5) + 1);
  const attributes = [
    ...(section.id ? [`#${section.id}`] : []),
    ...(section.numrerad === false ? [`.${UNNUMBERED_CLASS}`] : []),
  ];
  return `${marks} ${heading}${attributes.length > 0 ? ` {${attributes.join(" ")}}` : ""}\n\n`;
}

/** Records an error as a problem at the section's path. */
type RecordError = (error: unknown) => void;

/**
 * The heading of a section in its frame; on an error it is recorded and the heading falls back to
 * the rubrik, the clause name or "Avsnitt". `bodyOk` is false when a clause is unknown or in the
 * wrong document, which leaves no body to try either.
 */
function frameHeading(
  engine: Engine,
  section: SectionView,
  frame: { root: ComposeRoot },
  record: RecordError,
): { heading: string; bodyOk: boolean } {
  try {
    return {
      heading: section.utan_rubrik ? "" : headingText(engine, section, frame),
      bodyOk: true,
    };
  } catch (error) {
    record(error);
    const rule = isComposeError(error) ? error.rule : "";
    return {
      heading: section.rubrik ?? section.klausul ?? "Avsnitt",
      bodyOk: rule !== "klausul-okand" && rule !== "klausul-fel-dokument",
    };
  }
}

/** Records a section deeper than MAX_LEVEL. */
function checkLevel(section: SectionView, record: RecordError): void {
  if (section.nivå <= MAX_LEVEL) return;
  record(
    new ComposeError(
      `Avsnittet ligger på nivå ${section.nivå}; högst ${MAX_LEVEL} nivåer (1.1.1) är tillåtna.`,
      "avsnitt-for-djupt",
    ),
  );
}

/**
 * The body of a section in its frame, with its own wording checked against the clause (or the
 * clause's presupposed data checked); an error is recorded and the body is then empty.
 */
function frameBody(
  section: SectionView,
  clause: Clause | undefined,
  options: HelperOptions,
  frame: { root: ComposeRoot; problems: ComposeProblem[] },
  record: RecordError,
): string {
  let body = "";
  try {
    body = options.fn(section, { data: frame });
    if (section.lydelse !== undefined) checkOwnWording(section, clause);
    if (clause && section.lydelse === undefined) {
      checkPresupposed(clause, section, frame.root, frame.problems);
    }
  } catch (error) {
    record(error);
  }
  return body;
}

export function sectionHelpers(engine: Engine): Record<string, HelperDelegate> {
  return {
    /**
     * `{{#avsnitt-ram}}…{{/avsnitt-ram}}` around a section's body: writes the heading line
     * (see `headingLine`), makes the section available as `@avsnitt`
     * and the document's noun as `@benämning` (`parametrar.benämning` overrides it),
     * and turns any error in the heading or body into a problem at the section's YAML path
     * while keeping the heading, so numbering and the other sections are unaffected.
     */
    "avsnitt-ram": function (this: SectionView, options: HelperOptions) {
      const data = options.data as { problems: ComposeProblem[]; root: ComposeRoot };
      const frame = engine.hb.createFrame(data);
      frame.avsnitt = this;
      const noun = this.parametrar.benämning;
      frame.benämning = noun ? BENAMNINGAR[noun] : data.root.benämning;
      const record = (error: unknown) => data.problems.push(problem(error, this.sökväg));
      // The section's clause, for the `lydelse` helper (unknown clauses are reported below).
      const clause = this.klausul ? engine.clauses.get(this.klausul) : undefined;
      frame.klausul = clause;
      const { heading, bodyOk } = frameHeading(engine, this, frame, record);
      checkLevel(this, record);
      const body = bodyOk ? frameBody(this, clause, options, frame, record) : "";
      return `${headingLine(this, heading)}${body}`;
    },
    /** The partial name of a clause, checked against the library and the document kind. */
    klausulmall: helper(
      "klausulmall",
      1,
      ([name], { root }) => `klausuler/${clauseOf(engine, name, root).name}`,
    ),
    /**
     * `{{#inled}}First sentence.{{/inled}}`: `parametrar.inledning` when given, else the block.
     * (Not called "inledning": a helper of that name would shadow the data field `inledning`.)
     */
    inled: function (this: unknown, options: HelperOptions) {
      const section = (options.data as { avsnitt?: SectionView }).avsnitt;
      return section?.parametrar.inledning ?? options.fn(this);
    },
    /**
     * `{{#lydelse}}The clause's wording.{{/lydelse}}`: the section's own `lydelse` with its
     * fields filled in (see wording.ts) when it has one, else the block.
     */
    lydelse: function (this: unknown, options: HelperOptions) {
      const frame = options.data as {
        avsnitt?: SectionView;
        klausul?: Clause;
        root: ComposeRoot;
        problems: ComposeProblem[];
      };
      const { avsnitt: section, klausul: clause } = frame;
      if (section?.lydelse === undefined || !clause) return options.fn(this);
      if (section.lydelse === false) return "";
      // A block ends with its last line's newline; the own wording does too, so what follows
      // (the party list, the signatures) stays a block of its own.
      return `${ownWording(clause, section, frame)}\n`;
    },
  };
}
