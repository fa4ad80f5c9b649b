import { describe, expect, it } from "vitest";
import { drawable, textWidth } from "../../../src/render/pdf/fonts.js";

describe("the text as drawn", () => {
  it("should compose combining marks, draw a no-break space as a space", () => {
    expect(drawable("a\u030a 650\u00a0000")).toBe("å 650 000");
  });

  it("should leave out what Unicode says not to show (soft hyphen, zero widths, marks, selectors)", () => {
    expect(drawable("av\u00adtal\u200b \u200eä\u200fn\u2060d\ufe0fr\u034fi\ufeffng")).toBe(
      "avtal ändring",
    );
  });

  it("should measure a string as it is drawn", () => {
    expect(textWidth("av\u00adtal\u200e", "regular", 10)).toBe(textWidth("avtal", "regular", 10));
  });
});
