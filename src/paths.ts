import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The package root (the folder with iop's package.json, `schemas/` and `templates/`), found by
 * walking up from this module, so it is the same from `src/` (tests), `dist/` (compiled modules)
 * and the bundled CLI.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "iop")
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("iop: cannot find the package root (package.json)");
    dir = parent;
  }
}

const packageRoot = findRoot();
/** Folder URLs (with a trailing slash, so `new URL(name, dir)` resolves inside them). */
const schemaDir = pathToFileURL(join(packageRoot, "schemas/"));
export const templateDir = pathToFileURL(join(packageRoot, "templates/"));

/** The path of a schema file of schemas/ (for the `$schema` line of YAML files that iop writes). */
export const schemaPath = (name: string): string => join(packageRoot, "schemas", name);

const schemas = new Map<string, unknown>();

/** A schema file of schemas/, parsed once per process (validation and compose both read them). */
export function readSchema(name: string): unknown {
  let schema = schemas.get(name);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(new URL(name, schemaDir), "utf8"));
    schemas.set(name, schema);
  }
  return schema;
}

const dataDir = pathToFileURL(join(packageRoot, "data/"));

/** A JSON data file of data/ (e.g. the plain-Swedish list), parsed. */
export const readData = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, dataDir), "utf8"));

/**
 * A file `npm run build` derives for speed (dist/assets/…), or undefined when there is none (a
 * checkout not built yet): whoever reads it can do without.
 */
export const builtAssetPath = (name: string): string => join(packageRoot, "dist", "assets", name);
