import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGREEMENT, runCli, writeAgreement } from "../helpers/fixture.js";

describe("references in plain fields", () => {
  it("should not report :avsnitt[x] in a title, which prints literally, but still in text", async () => {
    const dir = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        /^titel: (.*)$/m,
        'titel: "Avtal :avsnitt[finns-inte] och :part[ingen]"',
      ),
    });
    const r = await runCli(["check", dir]);
    expect(r.stderr).not.toContain("hanvisning");
    expect(r.code).toBe(0);
    const out = join(dirname(dir), "ut");
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    const md = readFileSync(join(out, "test-iop", "overenskommelse.md"), "utf8");
    // Markdown escapes the bracket so that the title stays literal when read as Markdown.
    expect(md).toMatch(/^# Avtal :avsnitt\\?\[finns-inte\] och :part\\?\[ingen\]$/m);

    const text = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        "syfte: Att erbjuda brottsofferstöd i hela staden.",
        "syfte: Se :avsnitt[finns-inte].",
      ),
    });
    const bad = await runCli(["check", text]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("[hanvisning-avsnitt]");
  });
});
