import { realpath } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { OutputError } from "./write.js";

/** `path` with links resolved as far as it exists (the missing rest appended as written). */
async function real(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const up = dirname(absolute);
    return up === absolute ? absolute : join(await real(up), basename(absolute));
  }
}

const within = (inner: string, outer: string): boolean => {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
};

/**
 * Refuses an output folder that equals, contains or sits inside one of the input folders: a build
 * replaces its output folder, so such a folder would lose the agreements' YAML sources
 * (`iop build agreements --out agreements`). Links are resolved before comparing.
 */
export async function checkOutsideInputs(out: string, inputs: readonly string[]): Promise<void> {
  const target = await real(out);
  for (const input of inputs) {
    const source = await real(input);
    if (within(target, source) || within(source, target)) {
      const how =
        target === source
          ? "är samma mapp som"
          : within(target, source)
            ? "ligger i"
            : "innehåller";
      throw new OutputError(
        `Utdatamappen ${out} ${how} indatamappen ${input}; bygget skulle skriva över källfilerna. Välj en annan utdatamapp, t.ex. --out out.`,
      );
    }
  }
}
