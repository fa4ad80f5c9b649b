/**
 * Property-based robustness test: mutations of the example agreements (a value replaced by an
 * arbitrary string, a line deleted, duplicated or re-indented, characters inserted) each end in
 * output or in diagnostics with a position, never in an exception; a sample of those without
 * errors is built, and every .docx part must parse as XML and every PDF pass `qpdf --check`.
 * The seed is fixed so that a failure reproduces; the run count bounds the time.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { isScalar, parseDocument, visit } from "yaml";
import type { Diagnostic } from "../../src/diagnostics.js";
import { AGREEMENT_FILE, BILAGA_PATTERN } from "../../src/load/agreement.js";
import { parseSource, type SourceFile } from "../../src/load/source.js";
import { buildDocuments, renderAgreement } from "../../src/pipeline.js";
import { validateAgreement } from "../../src/validate/index.js";
import { needProgram } from "../helpers/external.js";

const root = new URL("../../", import.meta.url).pathname;
const SEED = 20_261_203;
const CHECK_RUNS = 2_000;
const BUILD_RUNS = 12;

/** Every example agreement folder: its name and files. */
const examples = ["agreements", "test/fixtures/agreements"].flatMap((base) =>
  readdirSync(join(root, base)).map((name) => ({
    name,
    files: readdirSync(join(root, base, name))
      .filter((f) => f === AGREEMENT_FILE || BILAGA_PATTERN.test(f))
      .map((f) => ({ name: f, text: readFileSync(join(root, base, name, f), "utf8") })),
  })),
);

/** Source ranges of every scalar value of a YAML text. */
function valueRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  visit(parseDocument(text), {
    Scalar(key, node) {
      if (key !== "key" && isScalar(node) && node.range)
        ranges.push([node.range[0], node.range[1]]);
    },
  });
  return ranges;
}
const ranges = new Map(examples.flatMap((e) => e.files.map((f) => [f.text, valueRanges(f.text)])));

/** Strings a hostile or careless user types. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    ":avsnitt[finns-inte]",
    ":part[x]",
    "\uFFFE",
    "\u0001",
    "🙂 Förening",
    "> > > > > x",
    "- - - - x",
    "*a *a *a",
    "[länk](http://x)",
    "<w:t>",
    "&amp; ]]>",
    "{saknas}",
    "{{start}}",
    "\\",
    "\t",
    "2025-13-45",
    "-1",
    "1e309",
    "null",
    "~",
    "",
  ),
  fc.integer({ min: 1, max: 30_000 }).map((n) => "W".repeat(n)),
);

type Mutation =
  | { kind: "value"; at: number; value: string }
  | { kind: "delete" | "duplicate"; at: number }
  | { kind: "indent"; at: number; by: number }
  | { kind: "insert"; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: nasty }),
  },
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("indent" as const),
    at: fc.nat(),
    by: fc.integer({ min: -4, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({ unit: "binary", maxLength: 6 }),
  }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  switch (m.kind) {
    case "value": {
      const list = ranges.get(text) ?? [];
      const range = list[m.at % Math.max(1, list.length)];
      if (!range) return text;
      return `${text.slice(0, range[0])}${JSON.stringify(m.value)}${text.slice(range[1])}`;
    }
    case "delete":
      lines.splice(m.at % lines.length, 1);
      return lines.join("\n");
    case "duplicate": {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? "");
      return lines.join("\n");
    }
    case "indent": {
      const i = m.at % lines.length;
      const line = lines[i] ?? "";
      lines[i] =
        m.by >= 0 ? " ".repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), "");
      return lines.join("\n");
    }
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

const case_ = fc.record({
  example: fc.nat({ max: examples.length - 1 }),
  file: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});
/** Only values replaced, by text with unusual characters: most stay valid and get built. */
const unusual = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\uFFFE", "\uFFFF", "\u0001", "\u001B", "🙂", "\u200B", "a\u0300", "<&>"),
);
const valueCase = fc.record({
  example: fc.nat({ max: examples.length - 1 }),
  file: fc.nat(),
  mutations: fc.array(
    fc.record({
      kind: fc.constant("value" as const),
      at: fc.nat(),
      value: fc.array(unusual, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("ord ")),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type Case = { example: number; file: number; mutations: Mutation[] };

/** Checks a mutated agreement as `iop check` does; returns the diagnostics and, when clean, it. */
function check(c: Case) {
  const example = examples[c.example] ?? examples[0];
  if (!example) throw new Error("no examples");
  const target = c.file % example.files.length;
  const diagnostics: Diagnostic[] = [];
  const parsed: SourceFile[] = [];
  for (const [i, f] of example.files.entries()) {
    const text = i === target ? c.mutations.reduce(mutate, f.text) : f.text;
    const result = parseSource(f.name, new TextEncoder().encode(text));
    diagnostics.push(...result.diagnostics);
    if (result.file) parsed.push(result.file);
  }
  const agreement = parsed.find((f) => f.path === AGREEMENT_FILE);
  if (parsed.length !== example.files.length || !agreement) return { diagnostics };
  const validated = validateAgreement({
    dir: example.name,
    name: example.name,
    agreement,
    bilagor: parsed.filter((f) => f !== agreement),
  });
  diagnostics.push(...validated.diagnostics);
  if (!validated.agreement) return { diagnostics };
  diagnostics.push(...buildDocuments(validated.agreement).diagnostics);
  return { diagnostics, agreement: validated.agreement };
}

/** Each error is in Swedish at a position in a named file. */
function expectPositioned(diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    expect(d.file).toMatch(/\.ya?ml$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/internt fel|Maximum call stack|is not|must be|undefined/);
  }
}

/** Characters XML 1.0 forbids (xmldom accepts some of them, so they are looked for first). */
const XML_FORBIDDEN = new RegExp(
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]" +
    "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
);

function expectXml(name: string, text: string) {
  expect(XML_FORBIDDEN.test(text), `${name} has a character XML 1.0 forbids`).toBe(false);
  const problems: string[] = [];
  const report = (msg: string) => problems.push(msg);
  new DOMParser({
    errorHandler: { warning: () => {}, error: report, fatalError: report },
  }).parseFromString(text, "text/xml");
  expect(problems, name).toEqual([]);
}

const work = mkdtempSync(join(tmpdir(), "iop-property-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("mutated agreements", () => {
  it(`should end in output or positioned diagnostics (${CHECK_RUNS} mutations, seed ${SEED})`, () => {
    fc.assert(
      fc.property(case_, (c) => {
        expectPositioned(check(c).diagnostics);
      }),
      { seed: SEED, numRuns: CHECK_RUNS },
    );
  }, 600_000);

  it.runIf(needProgram("qpdf"))(
    `should build valid Word and PDF files from a sample of clean mutations (seed ${SEED})`,
    async () => {
      const clean = fc
        .sample(valueCase, { seed: SEED + 1, numRuns: 200 })
        .map((c) => ({ c, result: check(c) }))
        .filter(({ result }) => result.agreement)
        .slice(0, BUILD_RUNS);
      expect(clean.length).toBe(BUILD_RUNS);
      let n = 0;
      for (const { result } of clean) {
        const built = await renderAgreement(
          result.agreement as NonNullable<typeof result.agreement>,
        );
        expectPositioned(built.diagnostics);
        for (const file of built.files ?? []) {
          if (file.path.endsWith(".docx")) {
            for (const [part, data] of Object.entries(unzipSync(file.data))) {
              if (/\.(xml|rels)$/.test(part))
                expectXml(`${file.path}:${part}`, new TextDecoder().decode(data));
            }
          } else if (file.path.endsWith(".pdf")) {
            const path = join(work, `${n++}.pdf`);
            writeFileSync(path, file.data);
            const out = execFileSync("qpdf", ["--check", path], { encoding: "utf8" });
            expect(out).toContain("No syntax or stream encoding errors found");
          }
        }
      }
    },
    600_000,
  );
});
