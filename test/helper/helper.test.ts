/**
 * The PDF helper process of a single `iop build` (src/helper/, src/launch/helper.ts): it renders
 * the PDFs and copies the build would render, the build renders them itself whatever the helper
 * cannot deliver, and the helper never outlives the build. The helper runs its built launcher and
 * bundle (dist/bin/pdf-helper.js, `npm run build`).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runProcess } from "../../src/cli/process.js";
import { connectHelper, type PdfHelper } from "../../src/helper/index.js";
import { forkHelper } from "../../src/launch/helper.js";
import type { OutputFile } from "../../src/package/manifest.js";
import { renderPdfFiles } from "../../src/package/pdfs.js";
import { buildAgreement, buildDocuments } from "../../src/pipeline.js";
import { loadAgreement } from "../../src/validate/index.js";
import { runIop } from "../helpers/cli.js";
import { BUILD_OUTPUT } from "../helpers/dist.js";
import { fileHashes } from "../helpers/files.js";
import { AGREEMENT, writeAgreement } from "../helpers/fixture.js";
import { alive, childPids, environment, workerKind } from "../helpers/processes.js";
import { tempDir } from "../sign/helpers.js";

// The PDFs this process renders itself (the helper's process runs the bundle, not this module).
vi.mock("../../src/package/pdfs.js", async (original) => {
  const real = await original<typeof import("../../src/package/pdfs.js")>();
  return { ...real, renderPdfFiles: vi.fn(real.renderPdfFiles) };
});
const renderedHere = vi.mocked(renderPdfFiles);

const root = new URL("../../", import.meta.url).pathname;
const dir = join(root, "agreements", "stockholm-brottsofferstod-2025");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The launcher starts a helper only where there is another core for it. */
const helperStarts = availableParallelism() > 1;

/** The helper's launcher (src/launch/pdf-helper.ts). */
const launcher = join(root, "dist/bin/pdf-helper.js");

/** A helper process as the launcher starts it. */
const startHelper = (): ChildProcess => forkHelper(launcher);

/** A helper that counts the files it delivered. */
function counting(helper: PdfHelper): PdfHelper & { delivered: number } {
  const counted = {
    delivered: 0,
    render: async (request: Parameters<PdfHelper["render"]>[0]) => {
      const files = await helper.render(request);
      counted.delivered++;
      return files;
    },
    close: () => helper.close(),
  };
  return counted;
}

/** A helper that delivers nothing, and counts what it was asked for. */
function refusing(): PdfHelper & { asked: number } {
  const helper = {
    asked: 0,
    render: () => {
      helper.asked++;
      return Promise.reject(new Error("no helper"));
    },
    close: () => {},
  };
  return helper;
}

const byPath = (files: readonly OutputFile[] = []) =>
  Object.fromEntries(files.map((f) => [f.path, Buffer.from(f.data).toString("base64")]));

describe("the PDF helper", () => {
  const tmp = tempDir("iop-helper-");
  afterAll(() => tmp.remove());
  let alone: Awaited<ReturnType<typeof buildAgreement>>;

  it("renders every PDF and copy of a build, the same bytes as the build alone", async () => {
    alone = await buildAgreement(dir);
    const child = startHelper();
    const helper = counting(connectHelper(child));
    try {
      renderedHere.mockClear();
      const helped = await buildAgreement(dir, undefined, { pdfHelper: helper });
      expect(helper.delivered).toBe(4); // the agreement and its three bilagor
      // The build used the helper's files: it rendered none itself.
      expect(renderedHere).not.toHaveBeenCalled();
      expect(byPath(helped.files)).toEqual(byPath(alone.files));
      expect(helped.diagnostics).toEqual(alone.diagnostics);
    } finally {
      helper.close();
    }
    await new Promise((resolve) => child.once("exit", resolve));
  });

  it("finds the characters the PDF fonts lack, for the build's warnings", async () => {
    const yaml = AGREEMENT.replace(
      "namn: Brottsofferjouren Västerort",
      "namn: Brottsofferjouren 🙂 Västerort",
    );
    const emoji = writeAgreement({ "overenskommelse.yaml": yaml });
    const formats = new Set(["pdf"] as const);
    const warned = (await buildAgreement(emoji, formats)).diagnostics;
    expect(warned.map((d) => d.rule)).toContain("pdf-tecken-saknas");
    const helper = connectHelper(startHelper());
    try {
      const helped = await buildAgreement(emoji, formats, { pdfHelper: helper });
      expect(helped.diagnostics).toEqual(warned);
    } finally {
      helper.close();
    }
  });

  it("leaves to the build what it cannot deliver: same bytes when every request fails", async () => {
    const failing = refusing();
    renderedHere.mockClear();
    const helped = await buildAgreement(dir, undefined, { pdfHelper: failing });
    expect(failing.asked).toBe(4);
    expect(renderedHere).toHaveBeenCalledTimes(4);
    expect(byPath(helped.files)).toEqual(byPath(alone.files));
  });

  it("is not asked for a build without PDFs", async () => {
    const helper = refusing();
    const r = await buildAgreement(dir, new Set(["md", "docx"]), { pdfHelper: helper });
    expect(r.files?.some((f) => f.path.endsWith(".pdf"))).toBe(false);
    expect(helper.asked).toBe(0);
  });

  it("starts without the extra TLS certificates Node would load, with the rest of the environment", async () => {
    const { NODE_EXTRA_CA_CERTS: certs } = process.env;
    process.env.NODE_EXTRA_CA_CERTS = join(tmp.dir, "certs.pem");
    process.env.IOP_TEST_MARKER = "kvar";
    let child: ChildProcess;
    try {
      child = startHelper();
    } finally {
      if (certs === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = certs;
      delete process.env.IOP_TEST_MARKER;
    }
    const pid = child.pid as number;
    // Its environment is its own once it runs the helper's launcher (until then, the fork's copy).
    for (let i = 0; i < 500 && workerKind(pid) !== "helper"; i++) await sleep(5);
    const env = environment(pid);
    expect(env.IOP_TEST_MARKER).toBe("kvar");
    expect(env).not.toHaveProperty("NODE_EXTRA_CA_CERTS");
    child.disconnect();
    await new Promise((resolve) => child.once("exit", resolve));
  });

  it("reports a request it cannot render, and ends when its channel closes", async () => {
    const child = startHelper();
    const helper = connectHelper(child);
    const bad = { tree: {}, attachments: [], pdfa: "3b", pdf: true, copies: false } as never;
    await expect(helper.render(bad)).rejects.toThrow(/TypeError|Cannot read/);
    helper.close();
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    await expect(helper.render(bad)).rejects.toThrow();
  });

  it("rejects a request it cannot be sent, and then holds the build's process no longer", () => {
    // As the launcher starts it (src/launch/helper.ts): the channel does not keep the process
    // alive; a request awaiting its reply does, until it is settled.
    const script = `
      import { connectHelper } from ${JSON.stringify(join(root, "dist/helper/index.js"))};
      import { forkHelper } from ${JSON.stringify(join(root, "dist/launch/helper.js"))};
      const helper = connectHelper(forkHelper(${JSON.stringify(launcher)}));
      const request = { tree: { name: () => "no clone" }, attachments: [], pdfa: "3b", pdf: true, copies: false };
      await helper.render(request).catch((e) => process.stdout.write("rejected: " + e.message));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.stdout).toMatch(/^rejected: .*could not be cloned/);
    // It ended by itself, without close(): nothing was left waiting on the channel.
    expect(r.status).toBe(0);
  });

  it("rejects what it was asked for when its process dies", async () => {
    const child = startHelper();
    const helper = connectHelper(child);
    const { agreement } = await loadAgreement(dir);
    const { documents } = buildDocuments(agreement as NonNullable<typeof agreement>);
    const doc = documents[0] as (typeof documents)[number];
    const pending = helper.render({
      tree: doc.tree,
      attachments: [],
      pdfa: "3b",
      pdf: true,
      copies: true,
    });
    child.kill("SIGKILL");
    await expect(pending).rejects.toThrow(/SIGKILL|closed/);
  });
});

describe("buildDocuments", () => {
  it("hands out the bilagor before the agreement, and returns the documents in their order", async () => {
    const { agreement } = await loadAgreement(dir);
    const handed: string[] = [];
    const built: unknown[] = [];
    const { documents } = buildDocuments(agreement as NonNullable<typeof agreement>, (d) => {
      handed.push(d.tree.name);
      built.push(d);
    });
    expect(handed).toEqual(["bilaga-1", "bilaga-2", "bilaga-3", "overenskommelse"]);
    expect(documents.map((d) => d.tree.name)).toEqual([
      "overenskommelse",
      "bilaga-1",
      "bilaga-2",
      "bilaga-3",
    ]);
    // The very objects handed out: the helper's files are looked up by them.
    expect(new Set(documents)).toEqual(new Set(built));
  });

  it("composes each document only when its turn comes, and gives the diagnostics in document order", async () => {
    const { agreement } = await loadAgreement(dir);
    const events: string[] = [];
    vi.resetModules();
    vi.doMock("../../src/compose/index.js", async (original) => {
      const real = await original<typeof import("../../src/compose/index.js")>();
      return {
        ...real,
        documentComposer: (a: Parameters<typeof real.documentComposer>[0]) => {
          const composer = real.documentComposer(a);
          return {
            ...composer,
            compose: (i: number) => {
              events.push(`compose ${i}`);
              const composed = composer.compose(i);
              // A problem of each document's composition, to see where it ends up.
              const problem = { file: `${i}`, line: 1, col: 1, severity: "varning" as const };
              const diagnostics = [
                { ...problem, message: `${i}`, rule: "klausul-data-saknas" as const },
              ];
              return { ...composed, diagnostics: [...composed.diagnostics, ...diagnostics] };
            },
          };
        },
      };
    });
    try {
      const pipeline = await import("../../src/pipeline.js");
      const result = pipeline.buildDocuments(agreement as NonNullable<typeof agreement>, (d) => {
        events.push(`out ${d.tree.name}`);
      });
      // The PDF helper gets the first bilaga before the other documents are composed.
      expect(events).toEqual([
        "compose 1",
        "out bilaga-1",
        "compose 2",
        "out bilaga-2",
        "compose 3",
        "out bilaga-3",
        "compose 0",
        "out overenskommelse",
      ]);
      expect(result.diagnostics.map((d) => d.file)).toEqual(["0", "1", "2", "3"]);
    } finally {
      vi.doUnmock("../../src/compose/index.js");
      vi.resetModules();
    }
  });
});

describe("iop build with the PDF helper", () => {
  const tmp = tempDir("iop-helper-cli-");
  afterAll(() => tmp.remove());
  const build = (out: string, env: Record<string, string> = {}) =>
    runIop(["build", dir, "--out", join(tmp.dir, out)], { env });

  it("writes the same files with the helper as without it (IOP_PDF_HELPER=0)", () => {
    expect(build("with").status).toBe(0);
    expect(build("without", { IOP_PDF_HELPER: "0" }).status).toBe(0);
    expect(fileHashes(join(tmp.dir, "with"))).toEqual(fileHashes(join(tmp.dir, "without")));
  });

  it("gets the files from the helper the launcher started, through the command line", async () => {
    renderedHere.mockClear();
    const code = await runProcess(["build", dir, "--out", join(tmp.dir, "process")], startHelper());
    expect(code).toBe(0);
    expect(renderedHere).not.toHaveBeenCalled();
    expect(fileHashes(join(tmp.dir, "process"))).toEqual(fileHashes(join(tmp.dir, "without")));
  });

  it.runIf(helperStarts)(
    "writes the same files when the helper is killed as soon as it starts",
    async () => {
      const child = spawn(
        process.execPath,
        [join(root, BUILD_OUTPUT), "build", dir, "--out", join(tmp.dir, "killed")],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (s: string) => {
        stderr += s;
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      let helper: number | undefined;
      while (helper === undefined && child.exitCode === null) {
        helper = childPids(child.pid as number)[0];
        if (helper === undefined) await sleep(1);
      }
      expect(helper).toBeDefined();
      process.kill(helper as number, "SIGKILL");
      expect(await exited).toBe(0);
      expect(stderr).toContain("Byggde stockholm-brottsofferstod-2025: 23 filer");
      expect(fileHashes(join(tmp.dir, "killed"))).toEqual(fileHashes(join(tmp.dir, "without")));
    },
  );

  it("is started for a build of one agreement in full only, and ends with it, also unused", async () => {
    // [command line, whether the launcher starts the helper (src/launch/helper.ts)]
    const cases: [string[], boolean][] = [
      [["build", dir, "--out", join(tmp.dir, "ends")], true],
      // Started, and let go: the build makes no PDFs.
      [["build", dir, "--out", join(tmp.dir, "md"), "--format", "md"], true],
      [["build", "--help"], false],
      [["build", join(tmp.dir, "saknas")], false],
      [["build", dir, "--out", join(tmp.dir, "only"), "--only", "bilaga-1"], false],
      // A folder of agreements, in this process (--jobs 1): no child process at all.
      [["build", join(root, "agreements"), "--out", join(tmp.dir, "many"), "--jobs", "1"], false],
    ];
    for (const [args, started] of cases) {
      const child = spawn(process.execPath, [join(root, BUILD_OUTPUT), ...args], {
        stdio: "ignore",
      });
      const seen = new Set<number>();
      const exited = new Promise((resolve) => child.on("exit", resolve));
      while (child.exitCode === null) {
        for (const pid of childPids(child.pid as number)) seen.add(pid);
        await sleep(2);
      }
      await exited;
      expect({ args, started: seen.size }).toEqual({
        args,
        started: helperStarts && started ? 1 : 0,
      });
      for (let i = 0; i < 300 && [...seen].some(alive); i++) await sleep(10);
      expect([...seen].filter(alive)).toEqual([]);
    }
  });
});
