import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPreviousBuild } from "../src/amend/previous.js";
import { writeFolderAtomically } from "../src/package/write.js";
import { buildAgreement, createBuildCache, pruneBuildCache } from "../src/pipeline.js";
import { tempDir } from "./sign/helpers.js";

const source = new URL("../agreements/stockholm-brottsofferstod-2025", import.meta.url).pathname;

describe("the build cache of iop watch", () => {
  it("renders only the edited document again, with the bytes of a build without cache", async () => {
    const tmp = tempDir("iop-cache-");
    try {
      const dir = join(tmp.dir, "stockholm-brottsofferstod-2025");
      cpSync(source, dir, { recursive: true });
      const cache = createBuildCache();
      const options = { cache, previous: { diagnostics: [] } };
      await buildAgreement(dir, undefined, options);
      pruneBuildCache(cache);
      const first = new Set(cache.documents.keys());
      expect(first.size).toBe(4); // the agreement and three bilagor

      const yaml = join(dir, "bilaga-1.yaml");
      writeFileSync(yaml, readFileSync(yaml, "utf8").replace("inom tre dagar", "inom två dagar"));
      const cached = await buildAgreement(dir, undefined, options);
      pruneBuildCache(cache);
      const second = new Set(cache.documents.keys());
      // Three documents came from the cache; bilaga-1 was rendered again under a new key.
      expect([...second].filter((k) => first.has(k))).toHaveLength(3);
      expect(second.size).toBe(4);

      const fresh = await buildAgreement(dir, undefined, { previous: { diagnostics: [] } });
      expect(cached.files?.map((f) => f.path)).toEqual(fresh.files?.map((f) => f.path));
      for (const [i, file] of (cached.files ?? []).entries()) {
        expect(
          Buffer.from(file.data).equals(Buffer.from(fresh.files?.[i]?.data ?? [])),
          file.path,
        ).toBe(true);
      }
      expect(
        new TextDecoder().decode(cached.files?.find((f) => f.path === "bilaga-1.md")?.data),
      ).toContain("inom två dagar");
    } finally {
      tmp.remove();
    }
  }, 120_000);

  it("writes an amended bilaga's redline at every save with the bytes of a build without cache", async () => {
    const tmp = tempDir("iop-cache-");
    try {
      const dir = join(tmp.dir, "stockholm-brottsofferstod-2025");
      cpSync(source, dir, { recursive: true });
      const formats = new Set(["md"] as const);
      const out = join(tmp.dir, "out");
      const built = await buildAgreement(dir, formats);
      const target = join(out, built.id as string);
      await writeFolderAtomically(target, built.files ?? []);
      // iop watch reads the previous build once and compares every save with it.
      const { previous } = await readPreviousBuild(target);
      const cache = createBuildCache();
      const options = { out, cache, previous: { previous, diagnostics: [] } };

      const yaml = join(dir, "bilaga-1.yaml");
      const text = readFileSync(yaml, "utf8");
      const log = `\nändringslogg:\n  - datum: "2026-03-15"\n    beslut: Protokoll 2026-03-15, § 4\n    beslutat_av: Styrgruppen\n    beskrivning: Snabbare kontakt.\n`;
      const saves = [];
      for (const days of ["två", "fyra"]) {
        writeFileSync(yaml, text.replace("inom tre dagar", `inom ${days} dagar`) + log);
        saves.push(await buildAgreement(dir, formats, options));
        pruneBuildCache(cache);
      }
      const fresh = await buildAgreement(dir, formats, {
        out,
        previous: await readPreviousBuild(target),
      });
      const last = saves.at(-1);
      expect(last?.redlines).toEqual(["bilaga-1-andringar.docx", "bilaga-1-andringar.html"]);
      expect(last?.files?.map((f) => f.path)).toEqual(fresh.files?.map((f) => f.path));
      for (const [i, file] of (last?.files ?? []).entries()) {
        expect(
          Buffer.from(file.data).equals(Buffer.from(fresh.files?.[i]?.data ?? [])),
          file.path,
        ).toBe(true);
      }
      const html = (save: typeof last) =>
        new TextDecoder().decode(
          save?.files?.find((f) => f.path === "bilaga-1-andringar.html")?.data,
        );
      expect(html(saves[0])).toContain("två");
      expect(html(last)).toContain("fyra");
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
