import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
