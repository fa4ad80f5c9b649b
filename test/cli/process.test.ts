/** The `iop` process's terminal (src/cli/process.ts, runProcess). */
import { afterEach, describe, expect, it, vi } from "vitest";
import { runProcess } from "../../src/cli/process.js";

describe("runProcess", () => {
  const own = Object.getOwnPropertyDescriptor(process.stdout, "isTTY");
  afterEach(() => {
    vi.restoreAllMocks();
    if (own) Object.defineProperty(process.stdout, "isTTY", own);
    else Reflect.deleteProperty(process.stdout, "isTTY");
  });

  it("does not open standard input when standard output is not a terminal", async () => {
    Object.defineProperty(process.stdout, "isTTY", { value: false, configurable: true });
    const stdin = vi.spyOn(process, "stdin", "get");
    const write = vi.spyOn(process.stdout, "write").mockReturnValue(true);
    expect(await runProcess(["--version"])).toBe(0);
    expect(write).toHaveBeenCalled();
    expect(stdin).not.toHaveBeenCalled();
  });
});
