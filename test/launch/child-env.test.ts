/** The environment of iop's own Node child processes (src/launch/child-env.ts). */
import { describe, expect, it } from "vitest";
import { childEnv } from "../../src/launch/child-env.js";

describe("childEnv", () => {
  it("drops NODE_EXTRA_CA_CERTS, in any case of its name, and keeps everything else", () => {
    const env = { PATH: "/usr/bin", NODE_EXTRA_CA_CERTS: "/a.pem", IOP_PDF_HELPER: "1" };
    expect(childEnv(env)).toEqual({ PATH: "/usr/bin", IOP_PDF_HELPER: "1" });
    expect(childEnv({ Node_Extra_CA_Certs: "/a.pem", HOME: "/root" })).toEqual({ HOME: "/root" });
    expect(env.NODE_EXTRA_CA_CERTS).toBe("/a.pem");
  });
});
