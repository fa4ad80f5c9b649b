// Benchmark of `iop diff`: the Stockholm 2022 → 2025 comparison, and comparisons of generated
// agreements of 50–800 sections (a few words changed in every tenth section, two sections moved,
// two removed, two added), to show how the time grows with size. The alignment is an LCS over
// section ids (a heaviest increasing subsequence, O(n log n)), then word diffs inside each
// matched section, so the diff should grow about linearly.
// Figures are medians (and the fastest) of warm in-process runs, and the whole-process time of
// `iop diff` on the Stockholm editions. Run: npm run build && node bench/diff.mjs
// (or npm run bench, which runs every benchmark).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

import { ms, timeProcess, timeWarm } from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const diff = await import(`${root}dist/diff/index.js`);
const { documentsOf } = await import(`${root}dist/diff/documents.js`);
const { loadAgreement } = await import(`${root}dist/validate/index.js`);

async function version(spec) {
  const loaded = await loadAgreement(spec);
  if (!loaded.agreement) {
    throw new Error(
      `${spec}: ${loaded.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")}`,
    );
  }
  const { documents } = documentsOf(loaded.agreement);
  return { label: spec, agreement: loaded.agreement, documents };
}

/** Times one comparison: loading (read, validate, compose, build trees), the diff itself, the formats. */
async function measure(oldSpec, newSpec) {
  const a = await version(oldSpec);
  const b = await version(newSpec);
  const result = diff.diffVersions(a, b);
  return {
    sections: b.documents.reduce(
      (n, d) => n + d.children.filter((c) => c.type === "heading").length,
      0,
    ),
    summary: result.summary.length,
    load: (
      await timeWarm(
        async () => {
          await version(oldSpec);
          await version(newSpec);
        },
        { runs: 5 },
      )
    ).median,
    diff: await timeWarm(() => diff.diffVersions(a, b), { runs: 31 }),
    text: (await timeWarm(() => diff.renderText(result), { runs: 7 })).median,
    html: (await timeWarm(() => diff.renderHtmlDiff(result), { runs: 7 })).median,
    json: (await timeWarm(() => diff.renderJson(result), { runs: 7 })).median,
    docx: (await timeWarm(() => diff.renderDocxDiff(result), { runs: 5 })).median,
  };
}

// ---------------------------------------------------------------------------------------------
// Generated agreements

const WORDS = (
  "partnerskapet ska verka för att brottsutsatta vittnen och anhöriga får stöd av god kvalitet " +
  "i hela staden genom samverkan mellan socialförvaltningen och de idéburna organisationerna som " +
  "rapporterar årligen till styrgruppen om insatser statistik och ekonomisk redovisning"
).split(" ");

/** Deterministic pseudo-random text (a linear congruential generator, no Math.random). */
function text(seed, words) {
  let x = seed;
  const out = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[(x >>> 16) % WORDS.length]);
  }
  const s = out.join(" ");
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

const HEAD = `# yaml-language-server: $schema=../../schemas/overenskommelse.schema.json
id: genererad
titel: Genererad överenskommelse för mätning
diarienummer: "2025/1"
kommun: Stockholms stad
status: beslutad
versionsdatum: "2025-03-25"
signering:
  sätt: papper
  ort: Stockholm
parter:
  - id: stad
    namn: Socialnämnden i Stockholms stad
    sektor: offentlig
    organisationsnummer: "212000-0142"
    undertecknare: { namn: Anna Andersson, titel: socialdirektör }
  - id: jour
    namn: Brottsofferjouren Västerort
    sektor: idéburen
    organisationsnummer: "802015-4822"
    undertecknare: { namn: Elena Grgic, titel: ordförande }
period:
  start: "2025-04-01"
  inledande_slut: "2025-12-31"
avsnitt:
`;

/**
 * An agreement of `n` sections: groups of one section with three subsections, each with two
 * paragraphs of about 40 words. `edited` applies the edits of the new version.
 */
function agreementYaml(n, edited) {
  const groups = [];
  for (let g = 0; g * 4 < n; g++) {
    const sections = [];
    for (let k = 0; k < 4 && g * 4 + k < n; k++) {
      const i = g * 4 + k;
      let body = `${text(i * 7 + 1, 40)}\n\n${text(i * 7 + 2, 40)}`;
      if (edited && i % 10 === 3)
        body = body.replace(/ stöd /, " hjälp ").replace(/ staden /, " kommunen ");
      sections.push({
        id: `avsnitt-${i}`,
        rubrik: `Avsnitt ${i} ${WORDS[i % WORDS.length]}`,
        body,
      });
    }
    groups.push(sections);
  }
  if (edited) {
    // Two groups' first subsections trade places with their neighbours (moves), two sections go,
    // two new ones come.
    for (const g of [1, Math.floor(groups.length / 2)]) {
      const s = groups[g];
      if (s.length > 2) [s[1], s[2]] = [s[2], s[1]];
    }
    groups[2]?.splice(3, 1);
    groups[groups.length - 2]?.splice(3, 1);
    groups[3]?.push({ id: "nytt-1", rubrik: "Nytt avsnitt", body: text(999, 40) });
    groups[groups.length - 3]?.push({
      id: "nytt-2",
      rubrik: "Ännu ett nytt avsnitt",
      body: text(998, 40),
    });
  }
  const indent = (s, n) => s.replace(/^/gm, " ".repeat(n));
  const section = (s, depth) =>
    `${" ".repeat(depth)}- id: ${s.id}\n${" ".repeat(depth)}  rubrik: ${s.rubrik}\n${" ".repeat(depth)}  text: |-\n${indent(s.body, depth + 4)}\n`;
  return (
    HEAD +
    groups
      .map(
        ([first, ...rest]) =>
          `${section(first, 2)}${rest.length ? `    avsnitt:\n${rest.map((s) => section(s, 6)).join("")}` : ""}`,
      )
      .join("")
  );
}

const work = mkdtempSync(join(tmpdir(), "iop-bench-diff-"));
function writeAgreement(name, yaml) {
  const dir = join(work, name, "genererad");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "overenskommelse.yaml"), yaml);
  return dir;
}

try {
  console.log("## iop diff\n");
  console.log(
    `Machine: ${cpus().length} cores, Node ${process.version}. Medians of warm in-process runs.\n`,
  );
  console.log(
    "| comparison | sections (new) | summary lines | load + compose (both) | diff (median / fastest) | text | html | json | docx |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const row = (name, m) =>
    console.log(
      `| ${name} | ${m.sections} | ${m.summary} | ${ms(m.load)} | ${ms(m.diff.median)} / ${ms(m.diff.min)} | ${ms(m.text)} | ${ms(m.html)} | ${ms(m.json)} | ${ms(m.docx)} |`,
    );
  row(
    "Stockholm 2022 → 2025 (agreement + bilagor)",
    await measure(
      join(root, "agreements/stockholm-brottsofferstod-2022"),
      join(root, "agreements/stockholm-brottsofferstod-2025"),
    ),
  );
  const growth = [];
  for (const n of [50, 100, 200, 400, 800]) {
    const a = writeAgreement(`${n}-old`, agreementYaml(n, false));
    const b = writeAgreement(`${n}-new`, agreementYaml(n, true));
    const m = await measure(a, b);
    growth.push({ n, diff: m.diff.min });
    row(`generated, ${n} sections`, m);
  }
  const process5 = (format) =>
    timeProcess(
      process.execPath,
      [
        join(root, "dist/bin/iop.js"),
        "diff",
        "agreements/stockholm-brottsofferstod-2022",
        "agreements/stockholm-brottsofferstod-2025",
        "--format",
        format,
      ],
      5,
      { cwd: root },
    );
  console.log(
    `\nWhole process (\`iop diff\` 2022 → 2025, cold start, module loading included): text ${ms(process5("text"))}, docx ${ms(process5("docx"))}.\n`,
  );
  console.log(
    "Growth of the diff step, fastest run (time ratio when the size doubles; 2.0 is linear):\n",
  );
  console.log("| sections | diff (fastest) | ratio to half the size |");
  console.log("| --- | --- | --- |");
  growth.forEach((g, k) => {
    const prev = growth[k - 1];
    console.log(
      `| ${g.n} | ${ms(g.diff)} | ${prev ? `${(g.diff / prev.diff).toFixed(2)}×` : "–"} |`,
    );
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
