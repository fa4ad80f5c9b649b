import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../src/load/source.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, writeAgreement } from "../helpers/fixture.js";

const enc = (s: string) => new TextEncoder().encode(s);
const only = async (content: string | Uint8Array) => {
  const r = await loadAgreement(writeAgreement({ "overenskommelse.yaml": content }));
  return r.diagnostics.filter((d) => d.file.endsWith("overenskommelse.yaml"));
};

describe("reading YAML files", () => {
  it("should reject a file that is not UTF-8 and point at the bad byte", async () => {
    const latin1 = new Uint8Array([
      ...enc("id: test-iop\ntitel: "),
      0xd6,
      ...enc("verenskommelse\n"),
    ]);
    const [d] = await only(latin1);
    expect(d).toMatchObject({ rule: "fil-inte-utf8", severity: "fel", line: 2, col: 8 });
    expect(d?.message).toContain("inte kodad som UTF-8");
  });

  it("should reject an empty file", async () => {
    expect((await only("")).map((d) => d.rule)).toEqual(["fil-tom"]);
    expect((await only("# bara en kommentar\n")).map((d) => d.rule)).toEqual(["fil-tom"]);
  });

  it("should reject a binary file", async () => {
    const [d] = await only(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(d?.rule).toBe("fil-binar");
  });

  it("should reject a file over the size limit", async () => {
    const [d] = await only(`${AGREEMENT}\n${"# fyllnad\n".repeat(MAX_FILE_BYTES / 10 + 1)}`);
    expect(d?.rule).toBe("fil-for-stor");
    expect(d?.message).toContain("för stor");
  });

  it("should report a duplicate key at the second occurrence", async () => {
    const text = AGREEMENT.replace(
      "kommun: Stockholms stad\n",
      "kommun: Stockholms stad\nkommun: Kalmar\n",
    );
    const [d] = await only(text);
    expect(d).toMatchObject({
      rule: "yaml-duplicate-key",
      line: text.split("\n").indexOf("kommun: Kalmar") + 1,
      col: 1,
    });
    expect(d?.message).toContain("förekommer två gånger");
  });

  it("should ask to quote a number where text is required", async () => {
    const text = AGREEMENT.replace('diarienummer: "2021/630"', "diarienummer: 2021");
    const [d] = await only(text);
    expect(d).toMatchObject({
      rule: "schema-citera-text",
      line: text.split("\n").indexOf("diarienummer: 2021") + 1,
      col: 15,
    });
    expect(d?.message).toBe(
      'Värdet 2021 tolkas som ett tal men ska vara text. Skriv det inom citattecken, t.ex. "2021".',
    );
  });

  it("should report a YAML syntax error with its position and no stack trace", async () => {
    const text = AGREEMENT.replace("kommun: Stockholms stad", 'kommun: "Stockholms stad');
    const ds = await only(text);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.severity === "fel" && d.rule.startsWith("yaml-"))).toBe(true);
    expect(ds.map((d) => d.message).join("\n")).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it("should warn for each fact marked missing, at its line", async () => {
    const text = AGREEMENT.replace(
      'versionsdatum: "2025-03-25"',
      "versionsdatum:\n  saknas: Anges inte i källan",
    );
    const [d] = await only(text);
    expect(d).toMatchObject({
      rule: "uppgift-saknas",
      severity: "varning",
      line: text.split("\n").indexOf("  saknas: Anges inte i källan") + 1,
    });
  });
});
