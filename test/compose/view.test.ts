import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { agreementView, bilagaView } from "../../src/compose/view.js";
import { type Bilaga, known, type Overenskommelse } from "../../src/model.js";

const data = {
  id: "x",
  titel: "A*b",
  bakgrund: "*md*\n",
  parter: [
    {
      id: "p",
      namn: "N_1",
      sektor: "offentlig",
      organisationsnummer: { saknas: "x_y" },
      beskrivning: "**b**",
    },
  ],
  period: { start: "2018", inledande_slut: "2019", villkor: "a_b" },
  mål: { punkter: ["*x*"] },
  styrning: [{ id: "s", typ: "styrgrupp", namn: "sty_r", uppgifter: ["*u*"] }],
  avsnitt: [
    {
      rubrik: "R_",
      text: "_t_",
      parametrar: { inledning: "_i_" },
      avsnitt: [{ rubrik: "#x", text: "_t2_" }],
    },
  ],
} as unknown as Overenskommelse;

describe("agreementView", () => {
  const view = agreementView(data) as unknown as Record<string, unknown> & typeof data;

  it("should escape plain values", () => {
    expect(view.titel).toBe("A\\*b");
    expect(view.parter[0]?.namn).toBe("N\\_1");
    expect(view.styrning?.[0]?.namn).toBe("sty\\_r");
    expect(view.avsnitt[0]?.rubrik).toBe("R\\_");
    expect(view.avsnitt[0]?.avsnitt?.[0]?.rubrik).toBe("\\#x");
  });

  it("should escape the reason of a value marked missing", () => {
    expect(view.parter[0]?.organisationsnummer).toEqual({ saknas: "x\\_y" });
  });

  it("should keep Text values as Markdown, trimmed", () => {
    expect(view.bakgrund).toBe("*md*");
    expect(view.parter[0]?.beskrivning).toBe("**b**");
    expect(view.period.villkor).toBe("a_b");
    expect(known(view.mål)?.punkter).toEqual(["*x*"]);
    expect(view.styrning?.[0]?.uppgifter).toEqual(["*u*"]);
    expect(view.avsnitt[0]?.text).toBe("_t_");
    expect(view.avsnitt[0]?.parametrar?.inledning).toBe("_i_");
    expect(view.avsnitt[0]?.avsnitt?.[0]?.text).toBe("_t2_");
  });

  it("should escape values the schema does not describe", () => {
    const odd = agreementView({ ...data, okänd: "a_b" } as unknown as Overenskommelse);
    expect((odd as unknown as Record<string, unknown>).okänd).toBe("a\\_b");
  });
});

describe("bilagaView", () => {
  it("should keep bilaga Text values and escape budget lines", () => {
    const view = bilagaView({
      nummer: 1,
      part: "p",
      kvalitetsmål: { punkter: [{ text: "*q*" }] },
      ekonomi: { ersättning: { rubrik: "R*", rader: [{ post: "P_", belopp: 1 }] } },
      ändringslogg: [
        { datum: "2025-01-01", beslut: "§ 1*", beslutat_av: "Nämnd_", beskrivning: "*d*" },
      ],
      avsnitt: [{ klausul: "bilaga-part" }],
    } as Bilaga);
    expect(view.kvalitetsmål?.punkter[0]?.text).toBe("*q*");
    expect(view.ekonomi?.ersättning?.rubrik).toBe("R\\*");
    expect(view.ekonomi?.ersättning?.rader?.[0]).toEqual({ post: "P\\_", belopp: 1 });
    expect(view.ändringslogg?.[0]).toEqual({
      datum: "2025-01-01",
      beslut: "§ 1\\*",
      beslutat_av: "Nämnd\\_",
      beskrivning: "*d*",
    });
  });
});

describe("markdownPaths", () => {
  const load = (name: string): unknown =>
    parse(readFileSync(new URL(`../../agreements/${name}`, import.meta.url), "utf8"));
  const documents = [
    ["stockholm-brottsofferstod-2025/overenskommelse.yaml", "overenskommelse"],
    ["stockholm-brottsofferstod-2025/bilaga-1.yaml", "bilaga"],
    ["kalmar-brottsofferstod-2018/overenskommelse.yaml", "overenskommelse"],
  ] as const;

  it("should judge each schema alike whatever was judged before (schemas are resolved once)", async () => {
    // Two fresh copies of the module, each with empty memos, fed the documents in opposite orders.
    const paths = async (order: readonly (typeof documents)[number][]) => {
      vi.resetModules();
      const { markdownPaths } = await import("../../src/compose/view.js");
      const out = new Map(
        order.map(([name, kind]) => [name, [...markdownPaths(load(name), kind)]]),
      );
      return documents.map(([name]) => out.get(name));
    };
    const forward = await paths(documents);
    expect(await paths([...documents].reverse())).toEqual(forward);
    expect(forward[0]).toContain("avsnitt/2/text");
    expect(forward[0]).not.toContain("titel");
  });
});
