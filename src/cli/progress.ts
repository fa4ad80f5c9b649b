import type { Io } from "./command.js";

/**
 * A one-line progress bar on standard error, drawn only on a terminal ("[█████·····] 12/40");
 * elsewhere (a log file, CI) nothing but the messages is printed. `log` prints a message above
 * the bar.
 */
export function progressBar(io: Io, total: number, width = 30) {
  const shown = io.isTTY && total > 1;
  let done = 0;
  const draw = () => {
    if (!shown) return;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r\x1b[K[${"█".repeat(filled)}${"·".repeat(width - filled)}] ${done}/${total}`);
  };
  const clear = () => {
    if (shown) io.stderr("\r\x1b[K");
  };
  draw();
  return {
    tick() {
      done++;
      draw();
    },
    log(text: string) {
      clear();
      io.stderr(text);
      draw();
    },
    done() {
      clear();
    },
  };
}
