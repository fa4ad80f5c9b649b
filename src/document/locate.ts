/**
 * Points build problems back at the YAML: the offending token (e.g. `:avsnitt[x]`) is searched
 * in the scalars of the document's own file, then of the agreement's file (a bilaga also shows
 * the agreement's goals). The n-th problem with a given token is placed at the n-th occurrence.
 * Without source files (Markdown not from compose) the problem is placed at 1:1 of the source.
 */
import { isScalar, visit } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../load/source.js";
import type { BuildInput } from "./build.js";
import type { BuildProblem } from "./state.js";

interface Place {
  file: string;
  line: number;
  col: number;
}

/** Offsets of `token` inside the file's scalar values (not in comments). */
function occurrences(file: SourceFile, token: string): number[] {
  const ranges: [number, number][] = [];
  visit(file.doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  const found: number[] = [];
  for (let at = file.text.indexOf(token); at >= 0; at = file.text.indexOf(token, at + 1)) {
    if (ranges.some(([s, e]) => at >= s && at < e)) found.push(at);
  }
  return found;
}

export function locateProblems(doc: BuildInput, problems: BuildProblem[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const cache = new Map<string, Place[]>();
  const places = (token: string): Place[] => {
    let list = cache.get(token);
    if (!list) {
      list = (doc.files ?? []).flatMap((file) =>
        occurrences(file, token).map((offset) => ({
          file: file.path,
          ...file.lineCounter.linePos(offset),
        })),
      );
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
    const place = list[Math.min(n, list.length - 1)] ?? { file: doc.source, line: 1, col: 1 };
    const key = `${place.file}:${place.line}:${place.col}:${p.rule}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ ...place, severity: p.severity, message: p.message, rule: p.rule });
  }
  return out;
}
