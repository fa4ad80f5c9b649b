import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/document/parse.js";
import { inLongRun } from "../src/jit.js";
import { ownCopy, Recent } from "../src/recent.js";
import { drawable, textWidth } from "../src/render/pdf/fonts.js";

describe("Recent (src/recent.ts)", () => {
  it("keeps at most its size, dropping the least recently used first", () => {
    const recent = new Recent<string, number>(2);
    recent.set("a", 1);
    recent.set("b", 2);
    expect(recent.get("a")).toBe(1); // a is now the most recent
    recent.set("c", 3);
    expect(recent.get("b")).toBeUndefined();
    expect(recent.get("a")).toBe(1);
    expect(recent.get("c")).toBe(3);
  });

  it("makes a value once and gives the kept one after", () => {
    const recent = new Recent<string, { n: number }>(4);
    let made = 0;
    const make = (key: string) => ({ n: key.length + made++ });
    const first = recent.getOrMake("abc", make);
    expect(recent.getOrMake("abc", make)).toBe(first);
    expect(made).toBe(1);
    recent.clear();
    expect(recent.getOrMake("abc", make)).not.toBe(first);
    expect(made).toBe(2);
    expect(recent.made).toBe(2);
  });
});

/**
 * The process-wide caches of a long run keep their own copies of the texts they are keyed by: a
 * text cut from a larger one (V8 keeps it as a slice) would keep that whole text alive as long as
 * the entry, and a build of many agreements, each adding a few texts of its own, would grow
 * without end (src/recent.ts, `ownCopy`).
 */
describe("the caches of a long run", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  /** Live heap growth (bytes) over `run`, after full collections. */
  const growth = (run: () => void): number => {
    gc();
    const before = getHeapStatistics().used_heap_size;
    run();
    gc();
    return getHeapStatistics().used_heap_size - before;
  };
  // Each 200 KB (Latin-1: a byte a character), with a text of its own at the start.
  const large = (i: number) =>
    `Överenskommelse nummer ${i}\n\n${"Ett stycke om åtagandet. ".repeat(8000)}`;
  const COUNT = 40; // 8 MB if each were kept (0.2–0.8 MB grown without)

  it("keep no document alive through the Markdown pieces they parse", () => {
    expect(inLongRun()).toBe(true);
    const grown = growth(() => {
      for (let i = 0; i < COUNT; i++) parseMarkdown(large(i));
    });
    expect(grown).toBeLessThan(4_000_000);
  });

  it("keep no document alive through the texts the PDF renderer measures", () => {
    const grown = growth(() => {
      for (let i = 0; i < COUNT; i++) {
        const text = large(i);
        const own = text.slice(0, text.indexOf("\n"));
        drawable(own);
        textWidth(own, "regular", 10);
      }
    });
    expect(grown).toBeLessThan(4_000_000);
  });

  it("copy a text to an equal string", () => {
    for (const text of [
      "",
      "a",
      "Överenskommelse om idéburet partnerskap",
      "\ud800 halv",
      '"\\\n',
    ]) {
      expect(ownCopy(text)).toBe(text);
    }
  });
});
