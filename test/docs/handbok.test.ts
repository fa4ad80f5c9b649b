/**
 * Runs every command of the handbook (docs/handbok.md), in order, so the handbook cannot go stale.
 *
 * - Each ```sh block is a list of commands, one per line (a line ending in \ continues on the
 *   next); `iop` is the built CLI. They run with `sh` in one working folder that starts with a
 *   copy of agreements/, so a later command sees what an earlier one wrote.
 * - A command exits 0 unless its line ends in `# slutkod N`.
 * - A ```text block right after a ```sh block is output: each of its lines must appear in what the
 *   block's commands printed.
 * - ```sh körs-inte marks a block that is not run; it may hold installation commands only.
 *
 * A section added to the handbook is tested the same way, with nothing to change here.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Code, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const HANDBOOK = join(root, "docs/handbok.md");

interface Block {
  commands: { line: string; exit: number }[];
  expected: string[];
  run: boolean;
  /** Line of the block in the handbook, for test names. */
  at: number;
}

/** The ```sh blocks of a Markdown text, each with the ```text block that follows it. */
function shellBlocks(markdown: string): Block[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const blocks: Block[] = [];
  tree.children.forEach((node, i) => {
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
      commands,
      expected,
      run: !(node.meta ?? "").split(/\s+/).includes("körs-inte"),
      at: node.position?.start.line ?? 0,
    });
  });
  return blocks;
}

const blocks = shellBlocks(readFileSync(HANDBOOK, "utf8"));

describe("docs/handbok.md", () => {
  const work = join(tmpdir(), `iop-handbok-${process.pid}`);
  const bin = join(work, ".bin");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  cpSync(join(root, "agreements"), join(work, "agreements"), { recursive: true });
  writeFileSync(
    join(bin, "iop"),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, "dist/bin/iop.js")}" "$@"\n`,
  );
  chmodSync(join(bin, "iop"), 0o755);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("has commands to run", () => {
    expect(blocks.filter((b) => b.run).flatMap((b) => b.commands).length).toBeGreaterThan(10);
  });

  it("leaves out only installation commands", () => {
    for (const block of blocks.filter((b) => !b.run)) {
      for (const { line } of block.commands) expect(line).toMatch(/^(sudo )?(apt-get|npm ci)\b/);
    }
  });

  for (const block of blocks.filter((b) => b.run)) {
    it(`runs the commands at line ${block.at}: ${block.commands.map((c) => c.line).join(" ; ")}`, () => {
      let output = "";
      for (const { line, exit } of block.commands) {
        const r = spawnSync("sh", ["-c", line], {
          cwd: work,
          encoding: "utf8",
          env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: "1" },
          timeout: 120_000,
        });
        expect(r.status, `${line}\n${r.stdout}${r.stderr}`).toBe(exit);
        expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
        output += r.stdout + r.stderr;
      }
      for (const line of block.expected)
        expect(output, `expected output line:\n${line}`).toContain(line);
    });
  }
});
