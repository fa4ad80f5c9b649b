/**
 * How the `iop` binary ends (iop.ts): as soon as the command has finished and what it wrote to
 * standard output and error has been handed to the system, with the command's exit code.
 *
 * Why: left to itself, Node ends a process only once its event loop is empty and then tears its
 * environment down (about 15 ms after a build, against 9 ms for `process.exit`, measured on this
 * 2-core machine), and a handle some library forgot would keep it waiting. `process.exit` at once
 * could cut off output still queued for a pipe (on Windows pipes are written asynchronously), so
 * it waits for an empty write to each stream: a stream calls back in order, after what was queued
 * before it.
 */
export interface Flushable {
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
}

export function exitWhenWritten(
  code: number,
  streams: readonly Flushable[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  let left = streams.length;
  // A stream that cannot be written (its reader has gone) has nothing more to deliver either.
  const done = (): void => {
    if (--left === 0) exit(code);
  };
  if (left === 0) exit(code);
  for (const stream of streams) stream.write("", done);
}
