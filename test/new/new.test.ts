import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isMap, isScalar, parse, parseDocument, visit } from "yaml";
import type { Diagnostic } from "../../src/diagnostics.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../sign/helpers.js";
import { NEW_FLAGS } from "./flags.js";

const root = new URL("../../", import.meta.url).pathname;
const STOCKHOLM = join(root, "agreements/stockholm-brottsofferstod-2025");

const temps: { remove(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});
function temp(): string {
  const t = tempDir("iop-new-");
  temps.push(t);
  return t.dir;
}

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), "utf8")]),
  );

/** `iop check --format json`: the diagnostics and the exit code. */
async function check(dir: string) {
  const r = await runCli(["check", dir, "--format", "json"]);
  return { code: r.code, diagnostics: JSON.parse(r.stdout) as Diagnostic[] };
}

/** Every fact marked `saknas` in the YAML files, counted by the yaml parser. */
function saknasMarkers(dir: string): number {
  let n = 0;
  for (const text of Object.values(files(dir))) {
    visit(parseDocument(text), {
      Map(_, node) {
        if (isMap(node) && node.items.some((p) => isScalar(p.key) && p.key.value === "saknas")) n++;
      },
    });
  }
  return n;
}

describe("iop new (skeleton)", () => {
  it("writes an agreement and one bilaga per idéburen party", async () => {
    const dir = join(temp(), "exempel-iop-2027");
    const r = await runCli(["new", dir, ...NEW_FLAGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(files(dir))).toEqual([
      "bilaga-1.yaml",
      "bilaga-2.yaml",
      "overenskommelse.yaml",
    ]);
    const data = parse(readFileSync(join(dir, "overenskommelse.yaml"), "utf8"));
    expect(data.id).toBe("exempel-iop-2027");
    expect(data.status).toBe("utkast");
    expect(data.parter.map((p: { id: string; sektor: string }) => [p.id, p.sektor])).toEqual([
      ["socialnamnden-i-exempelstad", "offentlig"],
      ["foreningen-exempel", "idéburen"],
      ["brottsofferjouren-vasterort", "idéburen"],
    ]);
    expect(data.parter[1].organisationsnummer).toBe("802490-7720");
    expect(data.parter[2].organisationsnummer).toEqual({
      saknas: "Organisationsnumret är inte ifyllt",
    });
    expect(data.period).toMatchObject({ start: "2027-01-01", inledande_slut: "2027-12-31" });
    for (const [i, part] of ["foreningen-exempel", "brottsofferjouren-vasterort"].entries()) {
      const bilaga = parse(readFileSync(join(dir, `bilaga-${i + 1}.yaml`), "utf8"));
      expect(bilaga).toMatchObject({ nummer: i + 1, part });
    }
  });

  it("passes iop check with exactly one warning per missing fact (and one for the draft)", async () => {
    const dir = join(temp(), "exempel-iop-2027");
    await runCli(["new", dir, ...NEW_FLAGS]);
    const { code, diagnostics } = await check(dir);
    expect(code).toBe(0);
    expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    const missing = diagnostics.filter((d) => d.rule === "uppgift-saknas");
    expect(missing).toHaveLength(saknasMarkers(dir));
    expect(missing.length).toBeGreaterThan(20);
    // Each marker is told once, at its own line.
    expect(new Set(missing.map((d) => `${d.file}:${d.line}`)).size).toBe(missing.length);
    // Besides them, only the status: a skeleton is a draft.
    expect(diagnostics.filter((d) => d.rule !== "uppgift-saknas").map((d) => d.rule)).toEqual([
      "utkast",
    ]);
  });

  it("has every section an IOP should have, from the clause library", async () => {
    const dir = join(temp(), "exempel-iop-2027");
    await runCli(["new", dir, ...NEW_FLAGS]);
    const out = join(temp(), "out");
    const r = await runCli(["build", dir, "--out", out, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, "exempel-iop-2027/overenskommelse.md"), "utf8");
    const headings = md.match(/^#{2,3} .*$/gm);
    expect(headings).toEqual([
      "## 1 Bakgrund",
      "## 2 Parter",
      "## 3 Utgångspunkt och värdegrund",
      "## 4 Syfte och mål",
      "## 5 Målgrupp",
      "## 6 Partnerskapets organisation",
      "### 6.1 Styrgruppen",
      "## 7 Åtaganden",
      "## 8 Uppföljning och årlig återrapportering",
      "### 8.1 Synpunkter och klagomål",
      "## 9 Ekonomi",
      "## 10 Period och uppsägning",
      "### 10.1 Period för partnerskapet",
      "### 10.2 Uppsägning av överenskommelse om partnerskap",
      "## 11 Ändringar och tillägg",
      "## 12 Brister och återkrav",
      "### 12.1 Brister i verksamhet",
      "### 12.2 Återkrav",
      "## 13 Oenighet mellan parterna",
      "## 14 Bilagor",
      "## 15 Signering av överenskommelsen",
    ]);
    // Library clauses filled in with the data: the forum, the paying party, the parties.
    expect(md).toContain("undertecknade av behöriga parter inom styrgruppen");
    expect(md).toContain("som Socialnämnden i Exempelstad har betalat ut");
    expect(md).toContain("- Föreningen Exempel (organisationsnummer 802490-7720)");
    expect(md).toContain("(se avsnitt 14)");
    const bilaga = readFileSync(join(out, "exempel-iop-2027/bilaga-2.md"), "utf8");
    expect(bilaga).toContain("# Bilaga 2, Brottsofferjouren Västerort");
    expect(bilaga).toContain("| Personal              |     uppgift saknas |");
  });

  it("writes the same bytes for the same answers, with the jurist's comments in Swedish", async () => {
    const a = join(temp(), "exempel-iop-2027");
    const b = join(temp(), "exempel-iop-2027");
    await runCli(["new", a, ...NEW_FLAGS]);
    await runCli(["new", b, ...NEW_FLAGS]);
    expect(files(a)).toEqual(files(b));
    const text = files(a)["overenskommelse.yaml"] as string;
    expect(text.split("\n")[0]).toMatch(
      /^# yaml-language-server: \$schema=.*schemas\/overenskommelse\.schema\.json$/,
    );
    expect(text).toContain("# Den offentliga parten: ändra namnet till den nämnd");
    expect(text).toContain('organisationsnummer: "802490-7720"');
  });

  it("points the $schema line of every file at the package's schemas", async () => {
    const dir = join(temp(), "exempel-iop-2027");
    await runCli(["new", dir, ...NEW_FLAGS]);
    for (const [name, text] of Object.entries(files(dir))) {
      const target = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1] ?? "";
      const schema = name === "overenskommelse.yaml" ? "overenskommelse" : "bilaga";
      expect(resolve(dir, target)).toBe(join(root, `schemas/${schema}.schema.json`));
    }
  });

  it("proposes next year as the period when none is given, and says so in a comment", async () => {
    const dir = join(temp(), "utan-period");
    const flags = NEW_FLAGS.slice(0, 6);
    expect((await runCli(["new", dir, ...flags])).code).toBe(0);
    const text = readFileSync(join(dir, "overenskommelse.yaml"), "utf8");
    const year = new Date().getUTCFullYear();
    expect(text).toMatch(new RegExp(`start: "(${year + 1}|${year + 2})-01-01"`));
    expect(text).toContain("# BEKRÄFTA PERIODEN: datumen är ett förslag");
    expect((await check(dir)).code).toBe(0);
  });

  it("asks for the essentials on a terminal, again when an answer is wrong", async () => {
    const dir = join(temp(), "fragor-iop");
    const answers = [
      "Kulturnämnden i Exempelstad",
      "212000-0143", // wrong check digit: asked again
      "212000-0142",
      "Föreningen Exempel",
      "802490-7720",
      "Brottsofferjouren Västerort",
      "",
      "",
      "2026-02-30", // no such day: asked again
      "2026-03-01",
      "2027-02-28",
    ];
    const questions: string[] = [];
    const r = await runCli(["new", dir], {
      isTTY: true,
      ask: async (q) => {
        questions.push(q);
        const a = answers.shift();
        if (a === undefined) throw new Error(`unexpected question: ${q}`);
        return a;
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(answers).toEqual([]);
    expect(r.stderr).toContain("Organisationsnumret 212000-0143 har fel kontrollsiffra.");
    expect(r.stderr).toContain('"2026-02-30" är inte ett datum ÅÅÅÅ-MM-DD.');
    expect(questions[0]).toBe("Kommun eller nämnd (den offentliga parten): ");
    const data = parse(readFileSync(join(dir, "overenskommelse.yaml"), "utf8"));
    expect(data.parter.map((p: { namn: string }) => p.namn)).toEqual([
      "Kulturnämnden i Exempelstad",
      "Föreningen Exempel",
      "Brottsofferjouren Västerort",
    ]);
    expect(data.parter[0].organisationsnummer).toBe("212000-0142");
    expect(data.period).toMatchObject({ start: "2026-03-01", inledande_slut: "2027-02-28" });
    expect((await check(dir)).code).toBe(0);
  });

  it("never waits for input without a terminal: a usage message, exit 2, nothing written", async () => {
    const base = temp();
    const dir = join(base, "ingen-terminal");
    const r = await runCli(["new", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ange --kommun och minst en --part, eller --from.");
    expect(readdirSync(base)).toEqual([]);
  });

  it("the bundled CLI with a closed standard input exits at once with the usage message", () => {
    const base = temp();
    const r = spawnSync(process.execPath, [join(root, "dist/bin/iop.js"), "new", join(base, "x")], {
      input: "",
      encoding: "utf8",
      timeout: 20000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Ange --kommun och minst en --part");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(base)).toEqual([]);
  });

  it("refuses to write into a folder that is not empty, and leaves it as it was", async () => {
    const dir = join(temp(), "finns-redan");
    mkdirSync(dir);
    writeFileSync(join(dir, "anteckning.txt"), "behåll mig");
    const r = await runCli(["new", dir, ...NEW_FLAGS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("finns redan och är inte tom");
    expect(files(dir)).toEqual({ "anteckning.txt": "behåll mig" });
  });

  it("writes into an empty folder that exists", async () => {
    const dir = join(temp(), "tom-mapp");
    mkdirSync(dir);
    expect((await runCli(["new", dir, ...NEW_FLAGS])).code).toBe(0);
    expect(Object.keys(files(dir))).toHaveLength(3);
  });

  it("rejects wrong usage in Swedish without writing anything", async () => {
    const base = temp();
    const cases: [string[], string][] = [
      [["new", join(base, "Min IOP"), ...NEW_FLAGS], "får bara ha små bokstäver"],
      [["new", join(base, "a"), "--kommun", "X"], "Ange minst en idéburen part med --part."],
      [["new", join(base, "a"), "--part", "Y"], "Ange den offentliga parten med --kommun."],
      [
        ["new", join(base, "a"), ...NEW_FLAGS.slice(0, 4), "--part", "Y (123456-7890)"],
        "har fel kontrollsiffra",
      ],
      [
        ["new", join(base, "a"), ...NEW_FLAGS.slice(0, 6), "--start", "2027-01-01"],
        "Ange både --start och --slut",
      ],
      [
        [
          "new",
          join(base, "a"),
          ...NEW_FLAGS.slice(0, 6),
          "--start",
          "2027-01-01",
          "--slut",
          "2026-12-31",
        ],
        "--slut ligger före --start",
      ],
      [
        ["new", join(base, "a"), "--from", STOCKHOLM, "--kommun", "X"],
        "--from kan inte kombineras",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(base)).toEqual([]);
  });
});

/** Copies an example agreement into a temp folder (to change it before making its next edition). */
function copyOf(source: string): string {
  const dir = join(temp(), basename(source));
  cpSync(source, dir, { recursive: true });
  return dir;
}

describe("iop new --from (the next edition)", () => {
  it("Stockholm 2025: same words, status utkast, amounts to confirm; iop diff shows exactly that", async () => {
    const dir = join(temp(), "stockholm-brottsofferstod-2028");
    const r = await runCli(["new", dir, "--from", STOCKHOLM]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("9 datum och belopp att bekräfta (markerade saknas)");
    expect(r.stderr).toContain("2 angivna summor borttagna");
    expect(Object.keys(files(dir))).toEqual(Object.keys(files(STOCKHOLM)));
    const data = parse(readFileSync(join(dir, "overenskommelse.yaml"), "utf8"));
    expect(data).toMatchObject({ id: "stockholm-brottsofferstod-2028", status: "utkast" });
    const bilaga = parse(readFileSync(join(dir, "bilaga-1.yaml"), "utf8"));
    expect(bilaga.ekonomi.ersättning.rader[0]).toEqual({
      post: "Personal",
      belopp: { saknas: "Beloppet ska bekräftas för den nya upplagan (förra upplagan: 650000)" },
    });
    expect(bilaga.ekonomi.ersättning.summa).toBeUndefined();

    const checked = await check(dir);
    expect(checked.code).toBe(0);
    const missing = checked.diagnostics.filter((d) => d.rule === "uppgift-saknas");
    expect(missing).toHaveLength(saknasMarkers(dir));
    expect(saknasMarkers(dir)).toBe(saknasMarkers(STOCKHOLM) + 9);

    const diff = await runCli(["diff", STOCKHOLM, dir, "--format", "json"]);
    const json = JSON.parse(diff.stdout) as {
      summary: { kind: string; document: string; old: unknown; new: unknown }[];
      documents: {
        name: string;
        status: string;
        sections: { id: string; changes: { kind: string; text: string }[] }[];
      }[];
    };
    expect(json.summary.map((s) => [s.kind, s.document])).toEqual([
      ["status", "overenskommelse"],
      ["ersattning", "bilaga-1"],
      ["egenfinansiering", "bilaga-1"],
    ]);
    // The text changes only where an amount became "uppgift saknas".
    expect(json.documents.filter((d) => d.status !== "unchanged").map((d) => d.name)).toEqual([
      "bilaga-1",
    ]);
    const bilaga1 = json.documents.find((d) => d.name === "bilaga-1");
    expect(bilaga1?.sections.map((s) => s.id)).toEqual(["ersattning", "egenfinansiering"]);
    for (const section of bilaga1?.sections ?? []) {
      for (const c of section.changes) {
        if (c.kind === "del") expect(c.text).toMatch(/^\d[\d\s]*\skr$/u);
        if (c.kind === "ins") expect(c.text).toBe("uppgift saknas");
      }
    }
  });

  it("keeps every other byte, comments and layout included", async () => {
    const dir = join(temp(), "stockholm-brottsofferstod-2028");
    await runCli(["new", dir, "--from", STOCKHOLM]);
    const old = files(STOCKHOLM);
    for (const [name, text] of Object.entries(files(dir))) {
      const before = (old[name] as string).split("\n");
      const after = text.split("\n");
      // Only the $schema line (the new folder is elsewhere) and the lines listed here differ.
      const changed = after.filter((l) => !before.includes(l));
      for (const line of changed) {
        expect(line, `${name}: ${line}`).toMatch(
          /^# yaml-language-server|^id: |^status: utkast$|saknas: ".* ska bekräftas för den nya upplagan \(förra upplagan: |^\s*# BEKRÄFTA|^# \(start |^\s*# summa: /,
        );
      }
      expect(
        before
          .filter((l) => !after.includes(l))
          .every((l) => /yaml-language-server|^id: |^status: |belopp: \d|summa: \d/.test(l)),
      ).toBe(true);
      if (name === "overenskommelse.yaml") {
        expect(text).toContain("# Källa: seed 000 (överenskommelsen, Stockholm 2025).");
        expect(text).toContain(
          "# BEKRÄFTA PERIODEN för den nya upplagan: datumen är kopierade från förra upplagan\n# (start 2025-04-01, inledande_slut 2025-12-31, längst_till 2027-12-31).\nperiod:\n",
        );
        expect(text).toContain(
          "  # BEKRÄFTA året för underskrifterna (förra upplagan: 2025).\n  år: 2025\n",
        );
      }
    }
  });

  it("empties the change logs and marks the decision to confirm", async () => {
    const old = copyOf(STOCKHOLM);
    const agreement = readFileSync(join(old, "overenskommelse.yaml"), "utf8").replace(
      '  datum: { saknas: "Beslutsdatum för 2025 års överenskommelse anges inte i källorna" }',
      '  datum: "2025-03-20"\n  referens: "§ 12"',
    );
    writeFileSync(join(old, "overenskommelse.yaml"), agreement);
    const bilaga = `${readFileSync(join(old, "bilaga-1.yaml"), "utf8")}
# Beslut i styrgruppen.
ändringslogg:
  - datum: "2025-06-01"
    beslut: Styrgruppen 2025-05-28
    beslutat_av: Styrgruppen
    beskrivning: Öppettiderna utökades.
`;
    writeFileSync(join(old, "bilaga-1.yaml"), bilaga);
    expect((await check(old)).code).toBe(0);
    const dir = join(temp(), "ny-upplaga");
    const r = await runCli(["new", dir, "--from", old]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("1 ändringslogg tömd");
    const next = parse(readFileSync(join(dir, "bilaga-1.yaml"), "utf8"));
    expect(next.ändringslogg).toEqual([]);
    expect(readFileSync(join(dir, "bilaga-1.yaml"), "utf8")).toContain(
      "# Beslut i styrgruppen.\nändringslogg: []\n",
    );
    const data = parse(readFileSync(join(dir, "overenskommelse.yaml"), "utf8"));
    expect(data.beslut).toMatchObject({
      datum: { saknas: "Beslutsdatum för den nya upplagan (förra upplagan: 2025-03-20)" },
      referens: { saknas: "Beslutets referens för den nya upplagan (förra upplagan: § 12)" },
    });
    expect((await check(dir)).code).toBe(0);
  });

  it("Kalmar 2018: the formula's population stays marked, the edition checks clean", async () => {
    const dir = join(temp(), "kalmar-brottsofferstod-2027");
    expect(
      (await runCli(["new", dir, "--from", join(root, "agreements/kalmar-brottsofferstod-2018")]))
        .code,
    ).toBe(0);
    const { code, diagnostics } = await check(dir);
    expect(code).toBe(0);
    expect(diagnostics.filter((d) => d.rule !== "uppgift-saknas").map((d) => d.rule)).toEqual([
      "utkast",
    ]);
  });

  it("refuses a previous edition with errors, and writes nothing", async () => {
    const old = copyOf(STOCKHOLM);
    writeFileSync(
      join(old, "overenskommelse.yaml"),
      readFileSync(join(old, "overenskommelse.yaml"), "utf8").replace(
        '"802490-7720"',
        '"802490-7721"',
      ),
    );
    const base = temp();
    const r = await runCli(["new", join(base, "ny"), "--from", old]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("förra upplagan i");
    expect(r.stderr).toMatch(/overenskommelse\.yaml:\d+:\d+: fel: /);
    expect(readdirSync(base)).toEqual([]);
  });
});
