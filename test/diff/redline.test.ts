import { describe, expect, it } from "vitest";
import { acceptAll, rejectAll } from "../../src/diff/accept.js";
import { redlineDocument } from "../../src/diff/redline.js";
import { sectionChanges } from "../../src/diff/summary/sections.js";
import type { Block, DocumentTree, Inline } from "../../src/document/types.js";
import { h, p, sampleTree, text as t, treeOf, ul } from "../helpers/trees.js";
import { normalize } from "./helpers.js";

/** Headings' numbers and levels are the new version's after rejecting; compare without them. */
const withoutNumbers = (doc: DocumentTree) =>
  normalize({
    ...doc,
    children: doc.children.map((b) => (b.type === "heading" ? { ...b, number: "", depth: 1 } : b)),
  });

const roundTrip = (oldTree: DocumentTree, newTree: DocumentTree) => {
  const redline = redlineDocument(oldTree, newTree);
  expect(normalize(acceptAll(redline.tree))).toEqual(normalize(newTree));
  expect(withoutNumbers(rejectAll(redline.tree))).toEqual(
    withoutNumbers({ ...newTree, children: oldTree.children }),
  );
  return redline;
};

const reported = (oldTree: DocumentTree, newTree: DocumentTree) =>
  roundTrip(oldTree, newTree)
    .sections.filter((s) => s.status !== "unchanged" && !s.withParent && s.place !== "from")
    .map(
      (s) =>
        `${s.status}: ${s.heading}${s.oldNumber !== s.newNumber ? ` (${s.oldNumber ?? "–"} → ${s.newNumber ?? "–"})` : ""}`,
    );

const changes = (nodes: readonly Inline[]): string[] =>
  nodes.flatMap((n) =>
    n.type === "change"
      ? [`${n.kind}:${JSON.stringify(n.children)}`]
      : n.type === "strong" || n.type === "emphasis"
        ? changes(n.children)
        : [],
  );

const base = () =>
  treeOf([
    h(1, "1", "Bakgrund", "bakgrund"),
    p("Socialförvaltningen har sedan 2022 en överenskommelse med tre brottsofferjourer."),
    h(2, "1.1", "Förnyad överenskommelse", "fornyad"),
    p("Då föregående period haft goda resultat upprättas en förnyad överenskommelse."),
    h(1, "2", "Parter", "parter"),
    p("Överenskommelsen upprättas mellan följande parter:"),
    ul("Socialförvaltningen", "Brottsofferjouren Västerort"),
    h(2, "2.1", "Värdegrund"),
    p("Partnerskapet ska grundas på ömsesidig respekt."),
    p("Brottsofferstödet gäller alla brottsutsatta."),
    h(2, "2.2", "Informationsspridning"),
    p("Vid uttalanden ska det framgå vem som uttalar sig."),
    h(1, "3", "Period", "period"),
    p("Perioden är från den 1 april 2025 till och med den 31 december 2025, se avsnitt 2.2."),
  ]);

describe("redlineDocument", () => {
  it("should report no change and mark nothing when a document is compared with itself", () => {
    const redline = roundTrip(sampleTree(), sampleTree());
    expect(redline.status).toBe("unchanged");
    expect(redline.sections.every((s) => s.status === "unchanged")).toBe(true);
    expect(JSON.stringify(redline.tree)).not.toContain('"change"');
  });

  it("should mark changed words inside a paragraph, not the whole paragraph", () => {
    const newTree = base();
    newTree.children[13] = p(
      "Perioden är från den 1 april 2025 till och med den 31 december 2027, se avsnitt 2.2.",
    );
    const redline = roundTrip(base(), newTree);
    const para = redline.tree.children[13] as Block & { children: Inline[] };
    expect(para.change).toBeUndefined();
    expect(changes(para.children)).toEqual([
      `del:[{"type":"text","value":" 2025"}]`,
      `ins:[{"type":"text","value":" 2027"}]`,
    ]);
    expect(reported(base(), newTree)).toEqual(["changed: Period"]);
  });

  it("should keep strong and emphasis around unchanged and changed words", () => {
    const oldTree = sampleTree();
    const newTree = sampleTree();
    const para = newTree.children[1] as { children: Inline[] };
    para.children[4] = t(" med ett år i taget, dock som längst till den 31 december 2027.");
    const redline = roundTrip(oldTree, newTree);
    const out = (redline.tree.children[1] as { children: Inline[] }).children;
    expect(out).toContainEqual({ type: "strong", children: [t("Därefter")] });
    expect(out).toContainEqual({ type: "emphasis", children: [t("automatiskt")] });
    expect(changes(out)).toEqual([
      `del:[{"type":"text","value":"kalenderår"}]`,
      `ins:[{"type":"text","value":"år"}]`,
    ]);
  });

  it("should report an added and a removed section and mark their blocks", () => {
    const newTree = base();
    newTree.children.splice(2, 2);
    newTree.children.push(
      h(1, "4", "Uppsägning", "uppsagning"),
      p("Uppsägningen ska ske skriftligen."),
    );
    const redline = roundTrip(base(), newTree);
    expect(reported(base(), newTree)).toEqual([
      "removed: Förnyad överenskommelse (1.1 → –)",
      "added: Uppsägning (– → 4)",
    ]);
    const marks = redline.tree.children.map((b) => b.change ?? "");
    expect(marks.filter((m) => m === "del")).toHaveLength(2);
    expect(marks.filter((m) => m === "ins")).toHaveLength(2);
  });

  it("should not report sections whose number changed only because another was removed", () => {
    const newTree = treeOf([
      ...base()
        .children.slice(4)
        .map((b) =>
          b.type === "heading"
            ? { ...b, number: String(Number(b.number[0]) - 1) + b.number.slice(1) }
            : b,
        ),
    ]);
    expect(reported(base(), newTree)).toEqual([
      "removed: Bakgrund (1 → –)",
      "removed: Förnyad överenskommelse (1.1 → –)",
    ]);
  });

  it("should report a moved section once, as moved, and keep the renumbered ones out", () => {
    const o = base().children;
    // Informationsspridning (2.2) moved before Värdegrund (2.1): both get new numbers.
    const newTree = treeOf([
      ...o.slice(0, 7),
      { ...(o[10] as Block), number: "2.1" } as Block,
      o[11] as Block,
      { ...(o[7] as Block), number: "2.2" } as Block,
      o[8] as Block,
      o[9] as Block,
      ...o.slice(12),
    ]);
    expect(reported(base(), newTree)).toEqual(["moved: Informationsspridning (2.2 → 2.1)"]);
  });

  it("should report a section moved with its subsections as one move", () => {
    const o = base().children;
    const newTree = treeOf([
      ...o
        .slice(4, 12)
        .map((b) => (b.type === "heading" ? { ...b, number: b.number.replace(/^2/, "1") } : b)),
      { ...(o[0] as Block), number: "2" } as Block,
      o[1] as Block,
      { ...(o[2] as Block), number: "2.1" } as Block,
      o[3] as Block,
      ...o.slice(12),
    ]);
    expect(reported(base(), newTree)).toEqual(["moved: Bakgrund (1 → 2)"]);
  });

  it("should not count a reference that changed only because the section was renumbered", () => {
    const o = base().children;
    const newTree = treeOf([
      ...o.slice(0, 7),
      { ...(o[10] as Block), number: "2.1" } as Block,
      o[11] as Block,
      { ...(o[7] as Block), number: "2.2" } as Block,
      o[8] as Block,
      o[9] as Block,
      o[12] as Block,
      p("Perioden är från den 1 april 2025 till och med den 31 december 2025, se avsnitt 2.1."),
    ]);
    const redline = roundTrip(base(), newTree);
    const period = redline.sections.find((s) => s.id === "period");
    expect(period?.status).toBe("unchanged");
    expect(JSON.stringify(period?.blocks)).toContain('"kind":"ins"');
  });

  it("should match a section without id by its heading text and compare its content", () => {
    const newTree = base();
    newTree.children[9] = p("Brottsofferstödet gäller alla brottsutsatta, utan åtskillnad.");
    expect(reported(base(), newTree)).toEqual(["changed: Värdegrund"]);
  });

  it("should pair a section without id whose heading changed with its old self", () => {
    const newTree = base();
    newTree.children[10] = h(2, "2.2", "Information och uttalanden");
    const redline = roundTrip(base(), newTree);
    const section = redline.sections.find((s) => s.heading === "Information och uttalanden");
    expect(section).toMatchObject({ status: "changed", oldHeading: "Informationsspridning" });
  });

  it("should compare list items one by one", () => {
    const newTree = base();
    newTree.children[6] = ul(
      "Socialförvaltningen",
      "Brottsofferjouren Västerort i Stockholm",
      "Brottsofferjouren Södra Stockholm",
    );
    const redline = roundTrip(base(), newTree);
    const list = redline.tree.children[6];
    if (list?.type !== "list") throw new Error("expected a list");
    expect(list.change).toBeUndefined();
    expect(list.items[0]?.[0]).toEqual(p("Socialförvaltningen"));
    const second = list.items[1]?.[0];
    if (second?.type !== "paragraph") throw new Error("expected a paragraph");
    expect(changes(second.children)).toEqual([`ins:[{"type":"text","value":" i Stockholm"}]`]);
    expect(list.items[2]?.[0]?.change).toBe("ins");
  });

  it("should redline table cells when the rows line up", () => {
    const newTree = sampleTree();
    const table = newTree.children.find((b) => b.type === "table");
    if (table?.type !== "table") throw new Error("expected a table");
    table.rows[0] = [[t("Personal")], [t("675\u00a0000 kr")]];
    table.total = [[t("Summa")], [t("855\u00a0000 kr")]];
    const redline = roundTrip(sampleTree(), newTree);
    const out = redline.tree.children.find((b) => b.type === "table");
    if (out?.type !== "table") throw new Error("expected a table");
    expect(out.change).toBeUndefined();
    expect(changes(out.rows[0]?.[1] ?? [])).toEqual([
      `del:[{"type":"text","value":"650\u00a0000 "}]`,
      `ins:[{"type":"text","value":"675\u00a0000 "}]`,
    ]);
    expect(changes(out.rows[1]?.[1] ?? [])).toEqual([]);
  });

  it("should mark a removed table row as deleted and keep the table and its other rows", () => {
    const newTree = sampleTree();
    const table = newTree.children.find((b) => b.type === "table");
    if (table?.type !== "table") throw new Error("expected a table");
    table.rows.splice(1, 1);
    const redline = roundTrip(sampleTree(), newTree);
    const tables = redline.tree.children.filter((b) => b.type === "table");
    expect(tables.map((b) => b.change)).toEqual([undefined]);
    expect(tables[0]?.type === "table" && tables[0].rowChanges).toEqual([
      null,
      "del",
      null,
      null,
      null,
      null,
    ]);
  });

  it("should replace a table whose columns changed", () => {
    const newTree = sampleTree();
    const table = newTree.children.find((b) => b.type === "table");
    if (table?.type !== "table") throw new Error("expected a table");
    const cell = [{ type: "text" as const, value: "Not" }];
    table.align = [...table.align, "left"];
    table.header = [...table.header, cell];
    table.rows = table.rows.map((row) => [...row, cell]);
    if (table.total) table.total = [...table.total, cell];
    const redline = roundTrip(sampleTree(), newTree);
    expect(redline.tree.children.filter((b) => b.type === "table").map((b) => b.change)).toEqual([
      "del",
      "ins",
    ]);
  });

  it("should replace a signature page whose signatories changed", () => {
    const newTree = sampleTree();
    const sig = newTree.children.find((b) => b.type === "signatures");
    if (sig?.type !== "signatures") throw new Error("expected signatures");
    sig.blocks[1] = { ...(sig.blocks[1] as (typeof sig.blocks)[number]), name: "Anna Andersson" };
    const redline = roundTrip(sampleTree(), newTree);
    expect(
      redline.tree.children.filter((b) => b.type === "signatures").map((b) => b.change),
    ).toEqual(["del", "ins"]);
  });

  it("should mark every block of an added document as inserted", () => {
    const redline = redlineDocument(undefined, sampleTree());
    expect(redline.status).toBe("added");
    expect(redline.tree.children.every((b) => b.change === "ins")).toBe(true);
    expect(normalize(acceptAll(redline.tree))).toEqual(normalize(sampleTree()));
    expect(rejectAll(redline.tree).children).toEqual([]);
  });

  it("should report a section that moved into another section as moved, its text kept in place", () => {
    const o = base().children;
    // Period (3) becomes 2.3, a subsection of Parter, without changing place in the text.
    const newTree = treeOf([...o.slice(0, 12), h(2, "2.3", "Period", "period"), o[13] as Block]);
    const redline = roundTrip(base(), newTree);
    const period = redline.sections.find((s) => s.id === "period");
    expect(period).toMatchObject({
      status: "unchanged",
      parentChanged: true,
      oldNumber: "3",
      newNumber: "2.3",
    });
    expect(JSON.stringify(period?.blocks)).not.toContain('"change"');
    expect(sectionChanges([redline], new Map()).map((i) => i.text)).toEqual([
      "Avsnitt flyttat: Period (3 → 2.3)",
    ]);
  });
});
