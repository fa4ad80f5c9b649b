import { describe, expect, it } from "vitest";
import { diffInline, tokenize } from "../../src/diff/inline.js";
import { del, ins, text as t } from "../helpers/trees.js";

describe("tokenize", () => {
  it("should keep an amount with thousands separators as one token", () => {
    expect(tokenize("totalt 2 550 000 kronor och 805\u00a0000 kr")).toEqual([
      "totalt",
      " ",
      "2 550 000",
      " ",
      "kronor",
      " ",
      "och",
      " ",
      "805\u00a0000",
      " ",
      "kr",
    ]);
  });

  it("should keep hyphenated names, diarienummer and section numbers whole", () => {
    expect(tokenize("Stockholm-Gotland 2021/630 5.3.")).toEqual([
      "Stockholm-Gotland",
      " ",
      "2021/630",
      " ",
      "5.3",
      ".",
    ]);
  });
});

describe("diffInline", () => {
  it("should mark only the changed word", () => {
    const result = diffInline(
      [t("till och med den 31 december 2025.")],
      [t("till och med den 31 december 2027.")],
    );
    // A replaced number takes the space before it on both sides, so the two numbers stand apart
    // when printed in black and white ("31 december 2025 2027").
    expect(result.children).toEqual([
      t("till och med den 31 december"),
      del(" 2025"),
      ins(" 2027"),
      t("."),
    ]);
    expect(result).toMatchObject({ changed: true, substantive: true });
  });

  it("should not count a change of whitespace alone", () => {
    const result = diffInline([t("ett  två\u00a0tre")], [t("ett två tre")]);
    expect(result.changed).toBe(false);
    expect(result.children).toEqual([t("ett två tre")]);
  });

  it("should join changes separated only by a space into one deletion and one insertion", () => {
    const result = diffInline(
      [t("Avsikten med uppföljning är")],
      [t("Uppföljningen av partnerskapet syftar till")],
    );
    expect(result.children).toEqual([
      del("Avsikten med uppföljning är"),
      ins("Uppföljningen av partnerskapet syftar till"),
    ]);
  });

  it("should mark a word whose formatting changed as deleted and inserted, keeping both formats", () => {
    const result = diffInline(
      [t("ska "), t("alltid"), t(" ske")],
      [t("ska "), { type: "strong", children: [t("alltid")] }, t(" ske")],
    );
    expect(result.children).toEqual([
      t("ska "),
      del("alltid"),
      { type: "change", kind: "ins", children: [{ type: "strong", children: [t("alltid")] }] },
      t(" ske"),
    ]);
  });

  it("should mark a number that only follows the renumbering as changed but not substantive", () => {
    const result = diffInline(
      [t("se avsnitt 5.3")],
      [t("se avsnitt 5.4")],
      new Map([["5.3", "5.4"]]),
    );
    expect(result.children).toEqual([t("se avsnitt"), del(" 5.3"), ins(" 5.4")]);
    expect(result).toMatchObject({ changed: true, substantive: false });
  });

  it("should give a replaced amount the space after it on both sides", () => {
    const result = diffInline([t("totalt 805\u00a0000 kr")], [t("totalt 830\u00a0000 kr")]);
    expect(result.children).toEqual([
      t("totalt "),
      del("805\u00a0000 "),
      ins("830\u00a0000 "),
      t("kr"),
    ]);
  });

  it("should keep line breaks", () => {
    const result = diffInline(
      [t("a"), { type: "break" }, t("b")],
      [t("a"), { type: "break" }, t("c")],
    );
    expect(result.children).toEqual([t("a"), { type: "break" }, del("b"), ins("c")]);
  });
});
