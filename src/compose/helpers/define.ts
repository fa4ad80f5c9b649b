import type { HelperDelegate, HelperOptions } from "handlebars";
import { FormatError } from "../../format.js";
import type { ComposeRoot, SectionView } from "../context.js";
import { ComposeError } from "../errors.js";

/** What a helper implementation receives besides its arguments. */
export interface HelperCall {
  options: HelperOptions;
  /** The current context (`this` in the template). */
  context: unknown;
  root: ComposeRoot;
  /** The section being composed, when inside one. */
  section: SectionView | undefined;
}

/**
 * Wraps a helper so that it is called with exactly `min`…`max` arguments; a wrong count is a
 * ComposeError, never a silently wrong text.
 */
export function helper(
  name: string,
  arity: number | [min: number, max: number],
  fn: (args: unknown[], call: HelperCall) => unknown,
): HelperDelegate {
  const [min, max] = typeof arity === "number" ? [arity, arity] : arity;
  return function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    if (all.length < min || all.length > max) {
      const expected = min === max ? `${min}` : `${min}–${max}`;
      throw new ComposeError(
        `Mallfunktionen ${name} ska ha ${expected} argument men fick ${all.length}.`,
        "mall-argument",
      );
    }
    const data = (options.data ?? {}) as { root?: ComposeRoot; avsnitt?: SectionView };
    try {
      return fn(all, {
        options,
        context: this,
        root: data.root as ComposeRoot,
        section: data.avsnitt,
      });
    } catch (error) {
      // A value src/format.ts cannot format is the template's problem, reported like the others.
      if (error instanceof FormatError) throw new ComposeError(error.message, error.rule);
      throw error;
    }
  };
}
