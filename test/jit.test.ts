/**
 * src/jit.ts: the caches of long runs, and V8's optimising compiler off for short runs (the CLI's
 * start) and on again for long ones (watch, many agreements), there without inlining; V8's
 * defaults for loading the code cache. Checked in a child process with V8's own report of a hot
 * function (%GetOptimizationStatus, --allow-natives-syntax): if a Node upgrade stops honouring
 * the flags at run time, this fails rather than the speed silently going.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const jit = new URL("../dist/jit.js", import.meta.url).href;

/** V8's optimisation status bits of a hot function after `call` ran ("shortRun" or "longRun"). */
function statusAfter(call: "shortRun" | "longRun" | "shortRun(); longRun"): number {
  const script = `
    import { shortRun, longRun } from ${JSON.stringify(jit)};
    ${call}();
    const hot = new Function("x", "return x * 2 + 1");
    for (let i = 0; i < 2e5; i++) hot(i);
    %OptimizeFunctionOnNextCall(hot);
    hot(1);
    // The loop may already have queued hot for TurboFan on a background thread; on a busy
    // machine that job is still running here, so wait for it before asking.
    %FinalizeOptimization();
    console.log(%GetOptimizationStatus(hot));
  `;
  const r = spawnSync(
    process.execPath,
    ["--allow-natives-syntax", "--input-type=module", "-e", script],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  return Number(r.stdout.trim());
}

/**
 * Whether TurboFan inlined a small function into a hot one after `call` ran: V8 reports each
 * inlining with --trace-turbo-inlining.
 */
function inlinedAfter(call?: string): boolean {
  const script = `
    import { shortRun, longRun, v8Defaults } from ${JSON.stringify(jit)};
    ${call ? `${call}();` : ""}
    const add = new Function("a", "b", "return a + b");
    const hot = new Function("add", "x", "return add(x, 1) * 2");
    for (let i = 0; i < 2e5; i++) hot(add, i);
    %OptimizeFunctionOnNextCall(hot);
    hot(add, 1);
    %FinalizeOptimization();
    console.log("optimised:", (%GetOptimizationStatus(hot) & ${1 << 4}) !== 0);
  `;
  const r = spawnSync(
    process.execPath,
    ["--allow-natives-syntax", "--trace-turbo-inlining", "--input-type=module", "-e", script],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("optimised: true");
  return /^Inlining /m.test(r.stdout);
}

const OPTIMIZED = 1 << 4; // V8's OptimizationStatus::kOptimized

/**
 * How many pieces of Markdown a fresh process parses and writes for a text of three paragraphs
 * after `call` ran (the caches of long runs: src/document/parse.ts, src/render/markdown/render.ts).
 */
function piecesAfter(call?: string): string {
  const dist = new URL("../dist/", import.meta.url).href;
  const script = `
    import { shortRun, longRun } from ${JSON.stringify(jit)};
    import { parseMarkdown, piecesParsed } from ${JSON.stringify(`${dist}document/parse.js`)};
    import { renderMarkdown, piecesWritten } from ${JSON.stringify(`${dist}render/markdown/render.js`)};
    ${call ? `${call}();` : ""}
    parseMarkdown("Ett.\\n\\nTvå.\\n\\nTre.\\n");
    const text = (value) => [{ type: "text", value }];
    renderMarkdown({
      type: "document", kind: "overenskommelse", name: "x", meta: { title: "T" },
      children: ["Ett.", "Två."].map((v) => ({ type: "paragraph", children: text(v) })),
    });
    console.log(piecesParsed() + " " + piecesWritten());
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

describe("jit (src/jit.ts)", () => {
  it("should keep Markdown pieces only in a long run (the default until shortRun)", () => {
    expect(piecesAfter()).toBe("3 3");
    expect(piecesAfter("shortRun")).toBe("0 0");
    expect(piecesAfter("shortRun(); longRun")).toBe("3 3");
  });

  it("should keep hot code unoptimised after shortRun", () => {
    expect(statusAfter("shortRun") & OPTIMIZED).toBe(0);
  });

  it("should optimise hot code again after longRun", () => {
    expect(statusAfter("longRun") & OPTIMIZED).toBe(OPTIMIZED);
    expect(statusAfter("shortRun(); longRun") & OPTIMIZED).toBe(OPTIMIZED);
  });

  it("should optimise without inlining after longRun, and with it under V8's defaults", () => {
    expect(inlinedAfter("longRun")).toBe(false);
    expect(inlinedAfter("shortRun(); longRun")).toBe(false);
    expect(inlinedAfter()).toBe(true);
    expect(inlinedAfter("longRun(); v8Defaults")).toBe(true);
  });
});
