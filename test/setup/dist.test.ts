import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_OUTPUT, staleBuild } from "../helpers/dist.js";

/** A project folder with one source file and a build, each with the given time (seconds). */
function project(sourceTime: number, buildTime?: number): string {
  const root = mkdtempSync(join(tmpdir(), "iop-dist-"));
  mkdirSync(join(root, "src", "deep"), { recursive: true });
  const source = join(root, "src", "deep", "x.ts");
  writeFileSync(source, "export {};\n");
  utimesSync(source, sourceTime, sourceTime);
  if (buildTime !== undefined) {
    mkdirSync(join(root, "dist", "bin"), { recursive: true });
    writeFileSync(join(root, BUILD_OUTPUT), "");
    utimesSync(join(root, BUILD_OUTPUT), buildTime, buildTime);
  }
  return root;
}

describe("staleBuild (the global setup builds dist/ when it says so)", () => {
  it("should call a missing build stale", () => {
    expect(staleBuild(project(1000))).toBe("dist/bin/iop.js is missing");
  });

  it("should call a build older than a source file in a subfolder stale, naming the file", () => {
    expect(staleBuild(project(2000, 1000))).toBe("src/deep/x.ts is newer than dist/bin/iop.js");
  });

  it("should accept a build newer than every source", () => {
    expect(staleBuild(project(1000, 2000))).toBeUndefined();
  });

  it("should not count a README edited after the build", () => {
    const root = project(1000, 2000);
    writeFileSync(join(root, "src", "README.md"), "# src\n");
    utimesSync(join(root, "src", "README.md"), 3000, 3000);
    expect(staleBuild(root)).toBeUndefined();
  });

  it("should find this project's dist/ up to date once the global setup has run", () => {
    expect(staleBuild(join(import.meta.dirname, "../.."))).toBeUndefined();
  });
});
