import { describe, expect, it } from "vitest";
import { Recent } from "../src/recent.js";

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
