import { describe, expect, it } from "vitest";
import { comparablePage, compareCopies, describeDifference } from "../../src/verify/copies.js";

const FP = "3f2a 91c0 77be";
const page = (body: string, label?: string) =>
  `Rubrik\n${body}\n${label ? `${label}\n` : ""}Kontrollsumma ${FP}\nSida 1 (1)\n`;
const copy = (
  number: number,
  body: string,
  label = `Exemplar ${number} av 3 – Part ${number}`,
) => ({
  path: `exemplar/x-${number}.pdf`,
  number,
  label: `Exemplar ${number} av 3 – Part ${number}`,
  pages: [page(body, label)],
});

describe("compareCopies", () => {
  it("accepts copies that differ only in their labels", () => {
    const copies = [1, 2, 3].map((n) => copy(n, "Parterna är överens."));
    expect(compareCopies(copies, FP)).toEqual([]);
    expect(comparablePage(copies[0]?.pages[0] ?? "")).toBe(
      `Rubrik Parterna är överens. Kontrollsumma ${FP} Sida 1 (1)`,
    );
  });

  it("names the copy that differs from the others, with page and words", () => {
    const copies = [
      copy(1, "Ersättningen är 830 000 kr."),
      copy(2, "Ersättningen är 803 000 kr."),
      copy(3, "Ersättningen är 830 000 kr."),
    ];
    expect(compareCopies(copies, FP)).toEqual([
      {
        path: "exemplar/x-2.pdf",
        message: 'sidan 1 skiljer sig från exemplar 1: "803" i stället för "830"',
      },
    ]);
  });

  it("checks the label line word for word and the fingerprint on every page", () => {
    const extra = copy(2, "Text.", "Exemplar 2 av 3 – Part 2 och ingen annan");
    const noPrint = { ...copy(3, "Text."), pages: ["Rubrik\nText.\nExemplar 3 av 3 – Part 3\n"] };
    expect(compareCopies([copy(1, "Text."), extra, noPrint], FP)).toEqual([
      {
        path: "exemplar/x-2.pdf",
        message:
          'exemplarmärkningen "Exemplar 2 av 3 – Part 2" som manifestet anger finns inte i filen',
      },
      {
        path: "exemplar/x-2.pdf",
        message: 'har exemplarmärkningen "Exemplar 2 av 3 – Part 2 och ingen annan"',
      },
      { path: "exemplar/x-3.pdf", message: `fingeravtrycket ${FP} saknas på sidan 1` },
      {
        path: "exemplar/x-3.pdf",
        message: `sidan 1 skiljer sig från exemplar 1: "Kontrollsumma ${FP} Sida 1 (1)" saknas`,
      },
    ]);
  });

  it("reports a different page count", () => {
    const long = {
      ...copy(2, "Text."),
      pages: [page("Text.", "Exemplar 2 av 3 – Part 2"), page("Mer.")],
    };
    const problems = compareCopies([copy(1, "Text."), long, copy(3, "Text.")], FP);
    expect(problems).toEqual([
      { path: "exemplar/x-2.pdf", message: "har 2 sidor, exemplar 1 har 1" },
    ]);
  });
});

describe("describeDifference", () => {
  it("describes replaced, added and missing words, at most three changes", () => {
    expect(describeDifference("a b c d", "a x c d e")).toBe(
      '"x" i stället för "b"; "e" har tillkommit',
    );
    expect(describeDifference("a b c", "a c")).toBe('"b" saknas');
    expect(describeDifference("1 2 3 4 5 6 7 8", "1 x 3 y 5 z 7 w")).toBe(
      '"x" i stället för "2"; "y" i stället för "4"; "z" i stället för "6"; och 1 ändringar till',
    );
  });
});
