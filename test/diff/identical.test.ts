import { beforeAll, describe, expect, it } from "vitest";
import { documentXml, runCli, V2025 } from "./helpers.js";

/** An agreement compared with itself: no change, in every format, and exit 0 with --exit-code. */
describe("iop diff of an agreement with itself", () => {
  const out: Record<string, Awaited<ReturnType<typeof runCli>>> = {};
  beforeAll(async () => {
    for (const format of ["text", "json", "html", "docx"]) {
      out[format] = await runCli(["diff", V2025, V2025, "--format", format, "--exit-code"]);
    }
  });

  it("should exit 0 with --exit-code in every format", () => {
    for (const format of ["text", "json", "html", "docx"])
      expect(out[format]?.code, format).toBe(0);
  });

  it("should say there are no differences as text", () => {
    expect(out.text?.stdout).toMatch(/Inga skillnader\.\n$/);
    expect(out.text?.stdout).not.toMatch(/\[-|\{\+/);
  });

  it("should report identical, an empty summary and unchanged documents as JSON", () => {
    const json = JSON.parse(out.json?.stdout ?? "{}");
    expect(json.identical).toBe(true);
    expect(json.summary).toEqual([]);
    for (const doc of json.documents)
      expect(doc).toMatchObject({ status: "unchanged", sections: [] });
  });

  it("should say there are no differences on the HTML page, with no marks", () => {
    const html = out.html?.stdout ?? "";
    expect(html).toContain("Inga skillnader.");
    expect(html).not.toMatch(/<(ins|del)\b/);
  });

  it("should write a Word document without tracked changes", () => {
    const xml = documentXml(out.docx?.bytes ?? new Uint8Array());
    expect(xml).toContain("Förnyad överenskommelse");
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
  });
});
