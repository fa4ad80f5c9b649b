import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/command.js";
import { progressBar } from "../../src/cli/progress.js";

function io(isTTY: boolean): { io: Io; text: () => string } {
  let text = "";
  return {
    io: {
      stdout: () => {},
      stdoutBytes: () => {},
      stderr: (s) => {
        text += s;
      },
      isTTY,
      env: {},
    },
    text: () => text,
  };
}

describe("progressBar", () => {
  it("draws a bar on a terminal, keeps messages above it and clears it at the end", () => {
    const t = io(true);
    const bar = progressBar(t.io, 4, 8);
    bar.tick();
    bar.log("Byggde a\n");
    bar.tick();
    bar.done();
    expect(t.text()).toBe(
      [
        "\r\x1b[K[········] 0/4",
        "\r\x1b[K[██······] 1/4",
        "\r\x1b[KByggde a\n",
        "\r\x1b[K[██······] 1/4",
        "\r\x1b[K[████····] 2/4",
        "\r\x1b[K",
      ].join(""),
    );
  });

  it("prints only the messages when not on a terminal", () => {
    const t = io(false);
    const bar = progressBar(t.io, 4);
    bar.tick();
    bar.log("Byggde a\n");
    bar.done();
    expect(t.text()).toBe("Byggde a\n");
  });
});
