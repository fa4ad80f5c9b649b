/**
 * Runs every command of the handbook (docs/handbok.md), in order, so the handbook cannot go stale.
 *
 * - Each ```sh block is a list of commands, one per line (a line ending in \ continues on the
 *   next); `iop` is the built CLI. They run with `sh` in one working folder that starts with a
 *   copy of agreements/, so a later command sees what an earlier one wrote.
 * - A command exits 0 unless its line ends in `# slutkod N`.
 * - A line `export NAMN=värde` sets an environment variable for every later command (as it would
 *   in the reader's terminal, where one `sh` per line would forget it).
 * - A ```text block right after a ```sh block is output: each of its lines must appear in what the
 *   block's commands printed; `…` in such a line stands for any text (a time, a fingerprint).
 * - ```sh körs-inte marks a block that is not run; it may hold installation commands only.
 * - A ```yaml block is an edit the reader makes in a text editor, applied where it stands:
 *   `ändra FIL` replaces, for each of its lines, the one line of FIL with the same indentation that
 *   it extends or that has the same key; `lägg-till FIL` appends it at the end of FIL; `ta-bort FIL`
 *   removes its lines from FIL (each must be there exactly once). A ```yaml block without such a
 *   word is an example and must be valid YAML.
 * - The working folder is a git repository with agreements/ committed, as the handbook assumes
 *   where it shows `--since`.
 *
 * A section added to the handbook is tested the same way, with nothing to change here.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Code, Heading, Root, RootContent } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../../", import.meta.url).pathname;
const HANDBOOK = join(root, "docs/handbok.md");

interface Edit {
  kind: "edit";
  action: "ändra" | "lägg-till" | "ta-bort" | "exempel";
  file: string;
  lines: string[];
  at: number;
}

interface Block {
  kind: "sh";
  commands: { line: string; exit: number }[];
  expected: string[];
  run: boolean;
  /** Line of the block in the handbook, for test names. */
  at: number;
}

/**
 * The ```sh blocks of a Markdown text, each with the ```text block that follows it, and the
 * ```yaml edits, in the order they stand.
 */
function shellBlocks(markdown: string): (Block | Edit)[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const blocks: (Block | Edit)[] = [];
  tree.children.forEach((node, i) => {
    if (node.type === "code" && node.lang === "yaml") {
      const [word = "", file = ""] = (node.meta ?? "").trim().split(/\s+/);
      const action = ["ändra", "lägg-till", "ta-bort"].includes(word) ? word : "exempel";
      blocks.push({
        kind: "edit",
        action: action as Edit["action"],
        file,
        lines: node.value.split("\n").filter((l) => l.trim() !== ""),
        at: node.position?.start.line ?? 0,
      });
      return;
    }
    if (node.type !== "code" || node.lang !== "sh") return;
    const next = tree.children[i + 1];
    const expected =
      next?.type === "code" && next.lang === "text"
        ? (next as Code).value.split("\n").filter((l) => l.trim() !== "")
        : [];
    const commands = node.value
      .replace(/\\\n\s*/g, "")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"))
      .map((line) => {
        const exit = /#\s*slutkod\s+(\d+)\s*$/.exec(line);
        return {
          line: line.replace(/#\s*slutkod\s+\d+\s*$/, "").trim(),
          exit: Number(exit?.[1] ?? 0),
        };
      });
    blocks.push({
      kind: "sh",
      commands,
      expected,
      run: !(node.meta ?? "").split(/\s+/).includes("körs-inte"),
      at: node.position?.start.line ?? 0,
    });
  });
  return blocks;
}

const all = shellBlocks(readFileSync(HANDBOOK, "utf8"));
const blocks = all.filter((b): b is Block => b.kind === "sh");

/** The YAML key of a line (`  sätt: papper` → `sätt`), or undefined for a list item or text. */
const keyOf = (line: string) => /^\s*([^\s#-][^:]*):(\s|$)/.exec(line)?.[1];
const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/** Applies an edit of the handbook to the file it names, as the reader would in an editor. */
function applyEdit(work: string, edit: Edit): void {
  if (edit.action === "exempel") {
    expect(() => parse(edit.lines.join("\n"))).not.toThrow();
    return;
  }
  const path = join(work, edit.file);
  const text = readFileSync(path, "utf8");
  if (edit.action === "lägg-till") {
    writeFileSync(path, `${text.replace(/\n*$/, "\n\n")}${edit.lines.join("\n")}\n`);
    return;
  }
  const lines = text.split("\n");
  for (const changed of edit.lines) {
    const found =
      edit.action === "ta-bort"
        ? lines.flatMap((l, i) => (l === changed ? [i] : []))
        : lines.flatMap((l, i) =>
            l.trim() !== "" &&
            l !== changed &&
            indentOf(l) === indentOf(changed) &&
            (changed.startsWith(l) || (keyOf(l) !== undefined && keyOf(l) === keyOf(changed)))
              ? [i]
              : [],
          );
    expect(found, `${edit.action} ${edit.file}: ${changed}`).toHaveLength(1);
    if (edit.action === "ta-bort") lines.splice(found[0] as number, 1);
    else lines[found[0] as number] = changed;
  }
  writeFileSync(path, lines.join("\n"));
}

/** A shown output line as a pattern: `…` stands for any text. */
const shown = (line: string) =>
  new RegExp(
    line
      .split("…")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*"),
  );

describe("docs/handbok.md", () => {
  const work = join(tmpdir(), `iop-handbok-${process.pid}`);
  const bin = join(work, ".bin");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  cpSync(join(root, "agreements"), join(work, "agreements"), { recursive: true });
  const git = (...args: string[]) =>
    spawnSync(
      "git",
      ["-c", "user.name=Handboken", "-c", "user.email=handbok@example.org", ...args],
      {
        cwd: work,
        encoding: "utf8",
      },
    );
  git("init", "-q");
  git("add", "agreements");
  git("commit", "-q", "-m", "Överenskommelserna som de är i projektet");
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    NO_COLOR: "1",
  };
  delete env.IOP_P12_PASSPHRASE;
  writeFileSync(
    join(bin, "iop"),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, "dist/bin/iop.js")}" "$@"\n`,
  );
  chmodSync(join(bin, "iop"), 0o755);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("has commands to run", () => {
    expect(blocks.filter((b) => b.run).flatMap((b) => b.commands).length).toBeGreaterThan(10);
  });

  it("has a table of contents that links every chapter, in order, and only chapters", () => {
    const markdown = readFileSync(HANDBOOK, "utf8");
    const tree = unified().use(remarkParse).parse(markdown) as Root;
    // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
    const slug = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
    const text = (node: RootContent): string =>
      "value" in node ? node.value : "children" in node ? node.children.map(text).join("") : "";
    const chapters = tree.children
      .filter((n): n is Heading => n.type === "heading" && n.depth === 2)
      .map((h) => slug(h.children.map(text).join("")))
      .filter((s) => s !== "innehåll");
    const toc = /## Innehåll\n\n((?:\d+\. .*\n)+)/.exec(markdown)?.[1] ?? "";
    const links = [...toc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toEqual(chapters);
  });

  it("leaves out only installation commands", () => {
    for (const block of blocks.filter((b) => !b.run)) {
      for (const { line } of block.commands) expect(line).toMatch(/^(sudo )?(apt-get|npm ci)\b/);
    }
  });

  it("has a git repository to compare with", () => {
    expect(git("rev-parse", "HEAD").status).toBe(0);
  });

  for (const block of all) {
    if (block.kind === "edit") {
      it(`applies the edit at line ${block.at}: ${block.action} ${block.file}`, () =>
        applyEdit(work, block));
      continue;
    }
    if (!block.run) continue;
    it(`runs the commands at line ${block.at}: ${block.commands.map((c) => c.line).join(" ; ")}`, () => {
      let output = "";
      for (const { line, exit } of block.commands) {
        const exported = /^export\s+(\w+)=["']?(.*?)["']?$/.exec(line);
        if (exported) {
          env[exported[1] as string] = exported[2];
          continue;
        }
        const r = spawnSync("sh", ["-c", line], {
          cwd: work,
          encoding: "utf8",
          env,
          timeout: 120_000,
        });
        expect(r.status, `${line}\n${r.stdout}${r.stderr}`).toBe(exit);
        expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
        output += r.stdout + r.stderr;
      }
      for (const line of block.expected)
        expect(output, `expected output line:\n${line}`).toMatch(shown(line));
    });
  }
});
