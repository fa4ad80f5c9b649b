import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/** A small agreement that passes every rule; tests change one thing in it. */
export const AGREEMENT = `# yaml-language-server: $schema=../../schemas/overenskommelse.schema.json
id: test-iop
titel: Överenskommelse om idéburet offentligt partnerskap (IOP) om brottsofferstöd
diarienummer: "2021/630"
kommun: Stockholms stad
status: beslutad
versionsdatum: "2025-03-25"
signering:
  sätt: papper
  ort: Stockholm
parter:
  - id: socialnamnden
    namn: Socialnämnden i Stockholms stad
    sektor: offentlig
    organisationsnummer: "212000-0142"
    undertecknare:
      namn: Veronica Carstorp Wolgast
      titel: socialdirektör
  - id: bo-vasterort
    namn: Brottsofferjouren Västerort
    sektor: idéburen
    organisationsnummer: "802015-4822"
    undertecknare:
      namn: Elena Grgic
      titel: ordförande
period:
  start: "2025-04-01"
  inledande_slut: "2025-12-31"
  förlängning:
    enhet: kalenderår
    längst_till: "2027-12-31"
  uppsägning:
    senast: "09-30"
    träder_i_kraft: "01-01"
syfte: Att erbjuda brottsofferstöd i hela staden.
styrning:
  - id: styrgrupp
    typ: styrgrupp
    namn: styrgruppen
    mandat: Styrgruppen beslutar om strategiska frågor.
avstängda_regler:
  - regel: saknat-avsnitt
    skäl: Ett litet testavtal med bara de avsnitt testerna behöver.
  - regel: egen-insats-saknas
    skäl: Testavtalets bilaga har bara ersättningen.
avsnitt:
  - id: parter
    klausul: parter
  - id: syfte
    rubrik: Syfte
    klausul: syfte
  - id: period
    klausul: period
  - id: uppsagning
    klausul: uppsagning
    parametrar:
      forum: styrgrupp
  - id: ovrigt
    rubrik: Övrigt
    text: Se :avsnitt[period] och :part[bo-vasterort].
  - id: signering
    klausul: signering
`;

export const BILAGA = `# yaml-language-server: $schema=../../schemas/bilaga.schema.json
nummer: 1
part: bo-vasterort
åtaganden:
  punkter:
    - Stödsamtal via telefon och personliga möten.
ekonomi:
  ersättning:
    rubrik: Socialförvaltningens ersättning under 12 månader
    rader:
      - post: Personal
        belopp: 650000
      - post: Lokaler
        belopp: 54000
    summa: 704000
avsnitt:
  - id: ataganden
    klausul: bilaga-ataganden
  - id: ersattning
    klausul: ersattning
  - id: signering
    klausul: signering
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * Writes an agreement folder named `test-iop` in a fresh temp dir (removed after the test) and
 * returns its path. `files` maps file names to contents (null leaves a file out); the
 * defaults are the valid fixture.
 */
export function writeAgreement(files: Record<string, string | Uint8Array | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "iop-test-"));
  dirs.push(root);
  const dir = join(root, "test-iop");
  const all = { "overenskommelse.yaml": AGREEMENT, "bilaga-1.yaml": BILAGA, ...files };
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(all)) {
    if (content !== null) writeFileSync(join(dir, name), content);
  }
  return dir;
}

export { runCli } from "./cli.js";
