import { describe, expect, it } from "vitest";
import { isScalar, visit } from "yaml";
import { locateInScalar, parseSource, type SourceFile } from "../../src/load/source.js";

const load = (text: string): SourceFile => {
  const { file, diagnostics } = parseSource("t.yaml", new TextEncoder().encode(text));
  if (!file) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return file;
};

/** Where `needle` is in the value at `path`, as line:col in the source. */
const at = (text: string, path: (string | number)[], needle: string, nth = 0): string => {
  const file = load(text);
  const value = String(file.doc.getIn(path));
  let index = -1;
  for (let n = 0; n <= nth; n++) index = value.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in ${JSON.stringify(value)}`);
  const { line, col } = locateInScalar(file, path, index);
  return `${line}:${col}`;
};

describe("locateInScalar: a character of a scalar's value at its line and column", () => {
  it("should place characters of a plain scalar, on its first and on later lines", () => {
    const text = "a:\n  b: Se :avsnitt[x] och\n    :part[y] samt\n\n    :avsnitt[z].\n";
    expect(at(text, ["a", "b"], "x")).toBe("2:18");
    expect(at(text, ["a", "b"], "y")).toBe("3:11");
    expect(at(text, ["a", "b"], "z")).toBe("5:14");
  });

  it("should place characters of a single-quoted scalar, counting '' as one quote", () => {
    const text = "t: 'it''s :part[x]\n   and '':avsnitt[y]'''\n";
    expect(at(text, ["t"], "x")).toBe("1:17");
    expect(at(text, ["t"], "'", 0)).toBe("1:7");
    expect(at(text, ["t"], "y")).toBe("2:19");
    expect(at(text, ["t"], "'", 2)).toBe("2:21");
  });

  it("should place characters after escapes of a double-quoted scalar", () => {
    const text = 't: "\\tå\\u00c5\\x41\\"q\\" \\U0001F600 :part[x]\\\n    :avsnitt[y]\\\\"\n';
    const file = load(text);
    expect(file.doc.get("t")).toBe('\tåÅA"q" 😀 :part[x]:avsnitt[y]\\');
    expect(at(text, ["t"], "\t")).toBe("1:5");
    expect(at(text, ["t"], "Å")).toBe("1:8");
    expect(at(text, ["t"], "A")).toBe("1:14");
    expect(at(text, ["t"], '"', 1)).toBe("1:21");
    // The emoji's two UTF-16 units both point at its escape.
    expect(at(text, ["t"], "\uDE00")).toBe("1:24");
    expect(at(text, ["t"], "x")).toBe("1:41");
    // After an escaped line break the next line's indent is skipped.
    expect(at(text, ["t"], "y")).toBe("2:14");
    expect(at(text, ["t"], "\\")).toBe("2:16");
  });

  it("should place characters of a double-quoted scalar folded over lines, with trimmed spaces", () => {
    const text = 'liste:\n  - "första   \n      andra\n\n     tredje :part[x]"\n';
    expect(at(text, ["liste", 0], "andra")).toBe("3:7");
    expect(at(text, ["liste", 0], "x")).toBe("5:19");
    // The folded space stands at the line break it replaces.
    expect(at(text, ["liste", 0], " ")).toBe("2:15");
  });

  it("should place characters of a literal block scalar, keeping extra indentation", () => {
    const text = "text: |\n  Första :part[x]\n\n    indraget :avsnitt[y]\n  sista\n";
    expect(at(text, ["text"], "x")).toBe("2:16");
    expect(at(text, ["text"], "indraget")).toBe("4:5");
    expect(at(text, ["text"], "  indraget")).toBe("4:3");
    expect(at(text, ["text"], "y")).toBe("4:23");
    expect(at(text, ["text"], "sista")).toBe("5:3");
  });

  it("should place characters of folded block scalars, with every chomping and an indentation indicator", () => {
    for (const header of [">", ">-", ">+", "|-", "|+", ">1", ">1-", "|1"]) {
      const text = `avsnitt:\n  - text: ${header}\n\n      Stycke ett\n      fortsätter :part[x]\n\n        mer indraget\n      :avsnitt[y] slut\n\n\nb: 1\n`;
      const path = ["avsnitt", 0, "text"];
      // With the indicator 1 the indentation is 4 + 1: one space of every line is content.
      const spaces = header.includes("1") ? "   " : "  ";
      expect(String(load(text).doc.getIn(path)), header).toContain(`\n${spaces}mer indraget`);
      expect(at(text, path, "Stycke"), header).toBe("4:7");
      expect(at(text, path, "fortsätter"), header).toBe("5:7");
      expect(at(text, path, "x"), header).toBe("5:24");
      expect(at(text, path, "mer"), header).toBe("7:9");
      expect(at(text, path, "y]"), header).toBe("8:16");
      expect(at(text, path, "slut"), header).toBe("8:19");
    }
  });

  it("should handle CRLF line ends", () => {
    const text = "a: |\r\n  rad ett\r\n  :part[x]\r\nb: >\r\n  ett\r\n  :part[y]\r\n";
    expect(at(text, ["a"], "x")).toBe("3:9");
    expect(at(text, ["b"], "y")).toBe("6:9");
  });

  it("should map every copied character of every scalar to that very character", () => {
    const text = [
      "plain: ett två\n   tre\n\n   fyra",
      "sq: ' a ''b'' \n\n  c  '",
      'dq: " a\\tb \\\n   c\\\\d\n\n   e "',
      "lit: |+\n  rad\n    djup\n\n",
      "fold: >-\n  ett\n  två\n\n   tre\n  fyra",
      "seq:\n  - >\n    x y\n    z\n  - [inline, 'flow']",
    ].join("\n");
    const file = load(text);
    let checked = 0;
    visit(file.doc, {
      Scalar(key, node) {
        if (key === "key" || !isScalar(node) || typeof node.value !== "string") return;
        const path = pathOf(file, node);
        const value = node.value;
        for (let k = 0; k < value.length; k++) {
          const c = value[k] as string;
          if (c === " " || c === "\n" || c === "\t" || c === "\\" || c === "'") continue;
          const { line, col } = locateInScalar(file, path, k);
          const source = text.split("\n")[line - 1]?.[col - 1];
          expect(source, `${JSON.stringify(value)}[${k}]`).toBe(c);
          checked++;
        }
      },
    });
    expect(checked).toBeGreaterThan(50);
  });

  it("should fall back to the node, or the nearest ancestor, for anything but a scalar", () => {
    const text = "a:\n  b:\n    - 1\nc: 575000\n";
    const file = load(text);
    expect(locateInScalar(file, ["a", "b"], 3)).toEqual({ line: 3, col: 5 });
    expect(locateInScalar(file, ["a", "nope"], 0)).toEqual({ line: 2, col: 3 });
    expect(locateInScalar(file, ["c"], 3)).toEqual({ line: 4, col: 7 });
    // Offsets outside the value are clamped to its first and last character.
    expect(locateInScalar(file, ["c"], 99)).toEqual({ line: 4, col: 9 });
    expect(locateInScalar(file, ["c"], -5)).toEqual({ line: 4, col: 4 });
  });
});

/** The data path of a node in the document (test helper: searched, not tracked). */
function pathOf(file: SourceFile, target: unknown): (string | number)[] {
  const search = (value: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    const node = path.length === 0 ? file.doc.contents : file.doc.getIn(path, true);
    if (node === target) return path;
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) {
        const found = search(v, [...path, i]);
        if (found) return found;
      }
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const found = search(v, [...path, k]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = search(file.value, []);
  if (!found) throw new Error("node not found");
  return found;
}
