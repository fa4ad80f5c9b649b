import type { RuleId } from "../diagnostics.js";
import { FormatError } from "../format.js";

/**
 * A problem found while composing: missing data a clause needs, a bad parameter, a helper called
 * with an argument it cannot format. Thrown by helpers, caught per section by the `avsnitt-ram`
 * helper and turned into a diagnostic at the section's YAML position, so one bad section never
 * stops the rest of the document from composing.
 */
export class ComposeError extends Error {
  override readonly name = "ComposeError";
  constructor(
    /** Swedish message for the user. */
    message: string,
    /** Stable rule id, e.g. "klausul-data-saknas". */
    readonly rule: RuleId = "sammanstallning",
  ) {
    super(message);
  }
}

/**
 * Whether `error` is a problem to report to the user (a ComposeError, or a value the formatting
 * module src/format.ts cannot format) rather than an internal error.
 */
export const isComposeError = (error: unknown): error is ComposeError | FormatError =>
  error instanceof ComposeError || error instanceof FormatError;

/** A compose problem with the YAML path of the section it concerns (relative to its file). */
export interface ComposeProblem {
  message: string;
  rule: RuleId;
  path: (string | number)[];
  /** Default "fel". */
  severity?: "fel" | "varning";
  /** Where in the text at `path` the problem is (an index into its value), when it is in one. */
  offset?: number;
}
