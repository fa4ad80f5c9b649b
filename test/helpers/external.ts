import { execFileSync } from "node:child_process";

/** Whether an external program is on PATH. */
export function hasProgram(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * For tests that need an external program (soffice, pdftotext, qpdf, pdfsig …): returns true when it
 * is there. In CI (`CI` set) a missing program is a failure, never a skip; locally the test is skipped
 * so a machine without LibreOffice can still run the rest.
 * Use: `describe.runIf(needProgram("qpdf"))(…)`.
 */
export function needProgram(name: string): boolean {
  const found = hasProgram(name);
  if (!found && process.env.CI) {
    throw new Error(`${name} is required in CI but is not installed (see .ci/run)`);
  }
  return found;
}
