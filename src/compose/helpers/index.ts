import type { Engine } from "../engine.js";
import { dataHelpers } from "./data.js";
import { formatHelpers } from "./format.js";
import { markdownHelpers } from "./markdown.js";
import { sectionHelpers } from "./section.js";

/** Registers every iop helper on the engine's Handlebars instance. */
export function registerHelpers(engine: Engine): void {
  const all = { ...formatHelpers, ...dataHelpers, ...markdownHelpers, ...sectionHelpers(engine) };
  for (const [name, fn] of Object.entries(all)) engine.hb.registerHelper(name, fn);
}
