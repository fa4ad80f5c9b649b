import type { SourceFile, YamlPath } from "../load/source.js";

/**
 * Where the schema found errors, per file, so the rules can run on the rest and leave these nodes
 * alone (a rule never sees a value of the wrong form, and never reports again what the schema
 * reported). An error belongs to the node whose value is wrong: for a missing or unknown key,
 * that key below its object; errors about a list as a whole (too short) concern no node.
 */
export class SchemaErrors {
  readonly #paths = new Map<SourceFile, string[][]>();

  add(file: SourceFile, path: YamlPath): void {
    const list = this.#paths.get(file) ?? [];
    list.push(path.map(String));
    this.#paths.set(file, list);
  }

  /** No file had schema errors. */
  get empty(): boolean {
    return this.#paths.size === 0;
  }

  /** The node, everything below it, and the form of every node above it passed the schema. */
  valid(file: SourceFile, path: YamlPath): boolean {
    return this.#none(file, path, true);
  }

  /**
   * The node and every node above it have the schema's form (the right type, an allowed value):
   * a list is a list, an object an object. Values deeper down may still be wrong or missing.
   */
  formed(file: SourceFile, path: YamlPath): boolean {
    return this.#none(file, path, false);
  }

  #none(file: SourceFile, path: YamlPath, below: boolean): boolean {
    const errors = this.#paths.get(file);
    if (!errors) return true; // asked for every value of a valid file: no strings made
    const at = path.map(String);
    return !errors.some((e) =>
      e.length <= at.length
        ? e.every((s, i) => s === at[i])
        : below && at.every((s, i) => s === e[i]),
    );
  }
}
