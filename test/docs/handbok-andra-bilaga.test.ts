/**
 * The walkthrough docs/handbok-andra-bilaga.md, run as written on a temporary copy of the
 * agreement: every command of its ```sh blocks (with `npx iop` as the built CLI), its ```yaml
 * blocks applied as the text tells (a changed line, then the change log added at the end), and
 * each ```text block checked against the output of the command before it.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const bin = join(root, "dist/bin/iop.js");
const guide = readFileSync(join(root, "docs/handbok-andra-bilaga.md"), "utf8");
const ID = "stockholm-brottsofferstod-2025";

interface Block {
  lang: string;
  body: string;
}

const blocks: Block[] = [...guide.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1] as string,
  body: m[2] as string,
}));

/** Shown output with the number of warnings left out: it may change as the rules grow. */
const withoutCount = (text: string) =>
  text.replace(/\(\d+ varningar?; visa med iop check\)/g, "(N varningar; visa med iop check)");

describe("docs/handbok-andra-bilaga.md", () => {
  const work = mkdtempSync(join(tmpdir(), "iop-handbok-bilaga-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("should have commands, edits and shown output", () => {
    expect(blocks.filter((b) => b.lang === "sh").length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.lang === "yaml")).toHaveLength(2);
    expect(blocks.filter((b) => b.lang === "text").length).toBeGreaterThanOrEqual(2);
  });

  it("should run every command as the guide says, on a copy of the agreement", () => {
    cpSync(join(root, "agreements", ID), join(work, "agreements", ID), { recursive: true });
    const bilaga = join(work, "agreements", ID, "bilaga-1.yaml");
    let output = "";
    let ran = 0;
    blocks.forEach((block, k) => {
      if (block.lang === "sh") {
        const next = blocks[k + 1];
        const fails = next?.lang === "text" && next.body.includes(": fel: ");
        for (const line of block.body.split("\n")) {
          if (!line.trim() || line.startsWith("#")) continue;
          const command = line.replace(/^npx iop /, `"${process.execPath}" "${bin}" `);
          const r = spawnSync("sh", ["-c", command], { cwd: work, encoding: "utf8" });
          output = r.stdout + r.stderr;
          expect(r.status, `${line}\n${output}`).toBe(fails ? 1 : 0);
          ran++;
        }
      } else if (block.lang === "yaml") {
        const text = readFileSync(bilaga, "utf8");
        if (block.body.startsWith("ändringslogg:")) {
          // "Lägg till följande sist i bilaga-1.yaml"
          appendFileSync(bilaga, `\n${block.body}`);
        } else {
          // "Ändra raden … till:": the one line the new one extends.
          const changed = block.body.replace(/\n$/, "");
          const lines = text.split("\n");
          const old = lines.filter((l) => l.trim() && changed.startsWith(l) && l !== changed);
          expect(old, changed).toHaveLength(1);
          writeFileSync(bilaga, text.replace(`${old[0]}\n`, `${changed}\n`));
        }
      } else if (block.lang === "text") {
        for (const line of block.body.split("\n").filter(Boolean)) {
          expect(withoutCount(output), line).toContain(withoutCount(line));
        }
      }
    });
    expect(ran).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it("should name files that the build wrote", () => {
    const named = [
      ...guide.matchAll(/`((?:exemplar\/)?bilaga-1[\w-]*\.(?:pdf|docx|md|html))`/g),
    ].map((m) => m[1] as string);
    expect(named).toContain("bilaga-1-andringar.docx");
    expect(named).toContain("exemplar/bilaga-1-exemplar-2-av-2-bo-stockholm-gotland.pdf");
    for (const file of named) expect(existsSync(join(work, "out", ID, file)), file).toBe(true);
    const md = readFileSync(join(work, "out", ID, "bilaga-1.md"), "utf8");
    expect(md).toContain("Ändringshistorik");
    expect(md).toContain("Hjälp vid myndighetskontakter, även digitalt.");
  });
});
