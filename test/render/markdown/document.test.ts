import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { sampleTree, treeOf } from "../../helpers/trees.js";

/** The whole sample tree, read and checked by hand. */
const SAMPLE = `# Bilaga 1, Brottsofferjouren Stockholm-Gotland

*Överenskommelse om idéburet offentligt partnerskap (IOP) för brottsofferstöd i Stockholms stad*

## 1 Åtagande

Partnerskapet är ingånget med en inledande period som är från den 1 april 2025 till och med den 31 december 2025. **Därefter** förlängs partnerskapet *automatiskt* med ett kalenderår i taget, dock som längst till den 31 december 2027.

### 1.1 Stöd

- Stödsamtal via telefon och personliga möten.
- Information om rättsprocessen.
- Medföljning vid anmälan, förhör och rättegång.
  1. Första kontakten inom tre dagar.

## 2 Socialförvaltningens ersättning under 12 månader

| Beskrivning av resurs | Kostnad (kronor) |
| :-------------------- | ---------------: |
| Personal              |       650\u00a0000 kr |
| Konsulter             |         5\u00a0000 kr |
| Lokaler               |        54\u00a0000 kr |
| Aktiviteter           |         6\u00a0000 kr |
| Förbrukningsmaterial  |         5\u00a0000 kr |
| Övrigt                |       110\u00a0000 kr |
| **Summa**             |   **830\u00a0000 kr** |

## 3 Underskrift

Bilagan är upprättad i två likalydande exemplar, av vilka parterna tagit var sitt.

**För Socialnämnden i Stockholms stad**

\\______________________________

Veronica Carstorp Wolgast, socialdirektör

Stockholm den ____________ 2025

**För Brottsofferjouren Stockholm-Gotland**

\\______________________________

Cecilia Ekstrand, ordförande

Stockholm den ____________ 2025
`;

describe("document", () => {
  it("should render the sample tree as read and checked by hand", () => {
    expect(renderMarkdown(sampleTree())).toBe(SAMPLE);
  });

  it("should start with the title as the only # heading, then the subtitle in italics", () => {
    const [title, subtitle, next] = renderMarkdown(sampleTree()).split("\n\n");
    expect(title).toBe("# Bilaga 1, Brottsofferjouren Stockholm-Gotland");
    expect(subtitle).toMatch(/^\*Överenskommelse om .+\*$/);
    expect(next).toMatch(/^## /);
  });

  it("should write no subtitle line when there is none", () => {
    expect(renderMarkdown(treeOf([]))).toBe("# Överenskommelse\n");
  });

  it("should give the same string for the same tree", () => {
    expect(renderMarkdown(sampleTree())).toBe(renderMarkdown(sampleTree()));
  });

  it("should not change the tree it renders", () => {
    const tree = sampleTree();
    renderMarkdown(tree);
    expect(tree).toEqual(sampleTree());
  });
});
