import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const bin = `${root}dist/bin/iop.js`;
const agreements = readdirSync(`${root}agreements`).sort();

/** Runs the built `iop` binary the way a user does (`npx iop` resolves to it). */
const iop = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });

describe("the iop binary", () => {
  beforeAll(() => {
    if (!existsSync(bin)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  });

  it("should have the three example agreements", () => {
    expect(agreements).toEqual([
      "kalmar-brottsofferstod-2018",
      "stockholm-brottsofferstod-2022",
      "stockholm-brottsofferstod-2025",
    ]);
  });

  for (const name of agreements) {
    it(`should pass iop check on ${name} with only warnings`, () => {
      const r = iop("check", `agreements/${name}`);
      expect(r.stderr).not.toContain(": fel:");
      expect(r.stderr).toContain("utan fel");
      expect(r.status).toBe(0);
    });
  }

  it("should print Swedish help listing every command", () => {
    const r = iop("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Användning: iop <kommando>");
    expect(r.stdout).toMatch(/check\s+kontrollera/);
  });

  it("should exit 2 for an unknown command without a stack trace", () => {
    const r = iop("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('iop: okänt kommando "frobnicate". Se iop --help.\n');
  });
});
