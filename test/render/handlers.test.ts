import { describe, expect, it } from "vitest";
import type { Block, Inline } from "../../src/document/types.js";
import { blockHandler, field, inlineHandler } from "../../src/render/handlers.js";

const handlers = {
  block: { paragraph: () => "paragraph" },
  unknownBlock: () => "unknown block",
  inline: { text: () => "text" },
  unknownInline: () => "unknown inline",
};

describe("the renderer contract", () => {
  it("should give a node its kind's handler", () => {
    expect(blockHandler(handlers, { type: "paragraph", children: [] })()).toBe("paragraph");
    expect(inlineHandler(handlers, { type: "text", value: "a" })()).toBe("text");
  });

  it("should give a node of a kind without a handler the fallback", () => {
    expect(blockHandler(handlers, { type: "aside" } as unknown as Block)()).toBe("unknown block");
    expect(inlineHandler(handlers, { type: "code" } as unknown as Inline)()).toBe("unknown inline");
  });

  it("should read a field of any value without throwing", () => {
    expect(field({ value: "x" }, "value")).toBe("x");
    expect(field(null, "value")).toBeUndefined();
    expect(field("text", "value")).toBeUndefined();
  });
});
