/**
 * The environment of iop's own Node child processes, the PDF helper (helper.ts) and the build
 * pool's workers (src/batch/pool.ts): this process's, without `NODE_EXTRA_CA_CERTS`.
 *
 * Node 20 reads and parses that file of extra TLS root certificates as it starts, before any of
 * its own or iop's code runs, whether or not the process ever opens a TLS connection. Where it is
 * set, as on machines behind a TLS-inspecting proxy, it is most of a Node process's start: with
 * Debian's bundle of 144 certificates (220 KB), `node -e 0` took 79 ms against 28 ms without it
 * (medians of 15 interleaved runs, 2026-12-04). The helper and the workers only render and write
 * files, and open no connection, so they start without it; `iop` itself, which may reach a
 * timestamp server (`iop sign`), keeps its environment.
 */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // In any case of its name: Windows reads environment variables so.
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name.toUpperCase() !== "NODE_EXTRA_CA_CERTS"),
  );
}
