/**
 * The command line of `iop build`: its options, and whether it builds one agreement folder in
 * full, which the launcher reads before it loads the bundle (src/launch/helper.ts): only such a
 * build uses the PDF helper, and its own process then never renders a PDF. A small module without
 * the pipeline, so that the launcher stays small.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { AGREEMENT_FILE } from "../../load/agreement-file.js";
import { FORMATS } from "../../output-formats.js";
import { parse } from "../args.js";

/** The options of `iop build` (`parse`, src/cli/args.ts, adds `-h/--help`, as for every command). */
export const BUILD_OPTIONS = {
  out: { type: "string", default: "out" },
  warnings: { type: "boolean", default: false },
  format: { type: "string", default: FORMATS.join(",") },
  since: { type: "string" },
  only: { type: "string" },
  pdfa: { type: "string", default: "3b" },
  jobs: { type: "string" },
} as const;

/**
 * Whether `iop build <args>` builds one agreement, all of it: one path, which is an agreement
 * folder or an agreement file, and no `--only` (which renders one bilaga). A wrong command line,
 * `--help`, a folder of agreements and a git version (`<rev>:<path>`) are not. What the build
 * itself finds (src/cli/commands/build.ts) decides what it does; this only tells the launcher what
 * to prepare, and a wrong guess costs time, never changes an output.
 */
export function buildsOneAgreement(args: readonly string[]): boolean {
  let parsed: ReturnType<typeof parse<typeof BUILD_OPTIONS>>;
  try {
    parsed = parse([...args], BUILD_OPTIONS);
  } catch {
    return false;
  }
  const { values, positionals } = parsed;
  const [path] = positionals;
  if (values.help || values.only !== undefined || positionals.length !== 1 || !path) return false;
  return existsSync(join(path, AGREEMENT_FILE)) || (path.endsWith(".yaml") && existsSync(path));
}
