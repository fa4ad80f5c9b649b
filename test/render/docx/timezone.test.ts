import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { sampleTree } from "../../helpers/trees.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const original = process.env.TZ;

/** Renders the sample tree with the process in another time zone (Node applies TZ at once). */
async function renderIn(zone: string) {
  process.env.TZ = zone;
  const offset = new Date(2025, 0, 1).getTimezoneOffset();
  return { offset, hash: sha256(await renderDocx(sampleTree(), { copyLabel: "Exemplar 1 av 2" })) };
}

afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe("time zones", () => {
  it("should give the same bytes in Asia/Tokyo, UTC and America/Los_Angeles", async () => {
    const tokyo = await renderIn("Asia/Tokyo");
    const utc = await renderIn("UTC");
    const losAngeles = await renderIn("America/Los_Angeles");
    expect([tokyo.offset, utc.offset, losAngeles.offset]).toEqual([-540, 0, 480]);
    expect(tokyo.hash).toBe(utc.hash);
    expect(losAngeles.hash).toBe(utc.hash);
  });
});
