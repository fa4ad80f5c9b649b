import { describe, expect, it } from "vitest";
import { pointerSegments } from "../src/json-pointer.js";
import { pointerToPath } from "../src/validate/schema.js";

describe("pointerSegments (RFC 6901)", () => {
  it("has no segments for the whole document", () => {
    expect(pointerSegments("")).toEqual([]);
  });

  it("splits and decodes ~1 to / and ~0 to ~, ~1 first", () => {
    expect(pointerSegments("/parter/0/namn")).toEqual(["parter", "0", "namn"]);
    expect(pointerSegments("/a~1b/m~0n/~01")).toEqual(["a/b", "m~n", "~1"]);
    expect(pointerSegments("/$defs/text")).toEqual(["$defs", "text"]);
  });

  it("keeps an empty key", () => {
    expect(pointerSegments("/")).toEqual([""]);
  });
});

describe("pointerToPath", () => {
  it("turns array indices into numbers for the YAML path, keeping numeric-looking keys decoded", () => {
    expect(pointerToPath("/parter/12/undertecknare")).toEqual(["parter", 12, "undertecknare"]);
    expect(pointerToPath("/a~1b")).toEqual(["a/b"]);
    expect(pointerToPath("")).toEqual([]);
  });
});
