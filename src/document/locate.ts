/**
 * Points build problems back at the YAML: the offending token (e.g. `:avsnitt[x]`) is searched
 * in the string values of the document's own file, then of the agreement's file (a bilaga also
 * shows the agreement's goals), and the problem placed at the character it names (the id `x`).
 * The n-th problem with a given token is placed at the n-th occurrence. Without source files
 * (Markdown not from compose) the problem is placed at 1:1 of the source.
 */
import { isScalar, type Scalar, visit } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { positionInScalar, type SourceFile } from "../load/source.js";
import type { BuildInput } from "./build.js";
import type { BuildProblem } from "./state.js";

interface Occurrence {
  file: SourceFile;
  node: Scalar;
  /** Offset of the token in the scalar's value. */
  offset: number;
}

/** The token's occurrences in the file's string values (not in keys or comments). */
function occurrences(file: SourceFile, token: string): Occurrence[] {
  const found: Occurrence[] = [];
  visit(file.doc, {
    Scalar(key, node) {
      if (key === "key" || !isScalar(node) || typeof node.value !== "string") return;
      for (let at = node.value.indexOf(token); at >= 0; at = node.value.indexOf(token, at + 1)) {
        found.push({ file, node, offset: at });
      }
    },
  });
  return found;
}

export function locateProblems(
  doc: Pick<BuildInput, "source" | "files">,
  problems: BuildProblem[],
): Diagnostic[] {
  const seen = new Map<string, number>();
  const cache = new Map<string, Occurrence[]>();
  const places = (token: string): Occurrence[] => {
    let list = cache.get(token);
    if (!list) {
      list = (doc.files ?? []).flatMap((file) => occurrences(file, token));
      cache.set(token, list);
    }
    return list;
  };
  const out: Diagnostic[] = [];
  const keys = new Set<string>();
  for (const p of problems) {
    const n = seen.get(p.token) ?? 0;
    seen.set(p.token, n + 1);
    const list = places(p.token);
    const hit = list[Math.min(n, list.length - 1)];
    const place = hit
      ? {
          file: hit.file.path,
          ...(positionInScalar(hit.file, hit.node, hit.offset + (p.at ?? 0)) ??
            hit.file.lineCounter.linePos(hit.node.range?.[0] ?? 0)),
        }
      : { file: doc.source, line: 1, col: 1 };
    const key = `${place.file}:${place.line}:${place.col}:${p.rule}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ ...place, severity: p.severity, message: p.message, rule: p.rule });
  }
  return out;
}
