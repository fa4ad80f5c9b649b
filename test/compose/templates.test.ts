import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engine, frontMatter } from "../../src/compose/engine.js";

const dir = new URL("../../templates/klausuler/", import.meta.url);
const schema = JSON.parse(
  readFileSync(new URL("../../schemas/gemensam.schema.json", import.meta.url), "utf8"),
);
const enumNames: string[] = schema.$defs.avsnitt.properties.klausul.enum;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".hbs"))
  .map((f) => f.slice(0, -4));

describe("clause library", () => {
  it("should have exactly one template per clause name in the schema", () => {
    expect([...files].sort()).toEqual([...enumNames].sort());
  });

  it("should give every clause a default heading", () => {
    for (const name of files) {
      expect(
        frontMatter(readFileSync(new URL(`${name}.hbs`, dir), "utf8")).rubrik,
        name,
      ).toBeTruthy();
    }
  });

  it("should document every clause in the README", () => {
    const readme = readFileSync(new URL("README.md", dir), "utf8");
    for (const name of enumNames) expect(readme, name).toMatch(new RegExp(`\`${name}\``));
  });

  it("should compile every template once and keep it", () => {
    const first = engine();
    expect(first.clauses.size).toBe(enumNames.length);
    expect(engine()).toBe(first);
  });

  it("should read the front matter of a clause", () => {
    expect(frontMatter("{{!--\nrubrik: Åtagande\nendast: bilaga\n--}}\nText")).toEqual({
      rubrik: "Åtagande",
      endast: "bilaga",
    });
  });

  it("should read a clause's fields and the fields its own wording must contain", () => {
    const meta = frontMatter(
      "{{!--\nrubrik: Period\nfält start: {{datum x}}\nfält längst_till: {{datum y}}\nkräver: start\n--}}",
    );
    expect(meta).toEqual({
      rubrik: "Period",
      "fält start": "{{datum x}}",
      "fält längst_till": "{{datum y}}",
      kräver: "start",
    });
    const signering = engine().clauses.get("signering");
    expect([...(signering?.fields.keys() ?? [])]).toEqual(["exemplar"]);
    expect(signering?.required).toEqual(["exemplar"]);
  });

  it("should name no particular kind of organisation, body or place", () => {
    // Such words come from the agreement's data (samlingsnamn, förvaltning, the parties' names).
    const specific =
      /brottsoffer|jour|socialförvaltning|socialnämnd|socialtjänst(?!lagen)|stadens|staden|stödcentrum|stockholm|kalmar|förening/i;
    const all = ["klausuler/", "partials/"].flatMap((folder) =>
      readdirSync(new URL(`../../templates/${folder}`, import.meta.url))
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => `${folder}${f}`),
    );
    for (const path of [...all, "overenskommelse.hbs", "bilaga.hbs"]) {
      const source = readFileSync(new URL(`../../templates/${path}`, import.meta.url), "utf8")
        // Comments explain with examples from the sources; they are not printed.
        .replace(/\{\{!--[\s\S]*?--\}\}/g, "");
      expect(source, path).not.toMatch(specific);
    }
  });
});
