import { describe, expect, it } from "vitest";
import type { Block, DocumentTree } from "../../../src/document/types.js";
import { htmlPage, renderHtml } from "../../../src/render/html/index.js";
import { h, p, t, tree, ul } from "../../diff/trees.js";
import { sampleTree } from "../../fixtures/sample-tree.js";

const body = (...blocks: Block[]) => renderHtml(tree(...blocks));

describe("renderHtml", () => {
  it("should escape every text, in content and attributes", () => {
    const doc = tree(h(1, "1", `<script>alert("x")</script> & 'y'`, "a-b"), p("1 < 2 & 3 > 2"));
    doc.meta.title = "Titel <b>";
    const html = renderHtml(doc);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(html).toContain("1 &lt; 2 &amp; 3 &gt; 2");
    expect(html).toContain("<h1>Titel &lt;b&gt;</h1>");
  });

  it("should render headings one level below the title, with number and prefixed id", () => {
    const html = renderHtml(tree(h(1, "1", "Bakgrund", "bakgrund"), h(2, "1.1", "Förnyad")), {
      idPrefix: "bilaga-1-",
    });
    expect(html).toContain(
      '<h2 id="bilaga-1-bakgrund"><span class="nummer">1</span> Bakgrund</h2>',
    );
    expect(html).toContain('<h3><span class="nummer">1.1</span> Förnyad</h3>');
  });

  it("should render strong, emphasis and line breaks", () => {
    const html = body(
      p(
        t("a"),
        { type: "strong", children: [t("b")] },
        { type: "emphasis", children: [t("c")] },
        { type: "break" },
        t("d"),
      ),
    );
    expect(html).toContain("<p>a<strong>b</strong><em>c</em><br>d</p>");
  });

  it("should render lists with their items' blocks, nested lists included", () => {
    const html = renderHtml(sampleTree());
    expect(html).toMatch(/<ul>\n<li><p>Stödsamtal via telefon och personliga möten\.<\/p><\/li>/);
    expect(html).toMatch(
      /<li><p>Medföljning vid anmälan, förhör och rättegång\.<\/p>\n<ol>\n<li><p>Första kontakten inom tre dagar\.<\/p><\/li>\n<\/ol><\/li>/,
    );
  });

  it("should render a budget table with header, right-aligned amounts and the total in the footer", () => {
    const html = renderHtml(sampleTree());
    expect(html).toContain(
      '<thead><tr><th>Beskrivning av resurs</th><th class="h">Kostnad (kronor)</th></tr></thead>',
    );
    expect(html).toContain('<tr><td>Personal</td><td class="h">650\u00a0000 kr</td></tr>');
    expect(html).toContain(
      '<tfoot><tr><td>Summa</td><td class="h">830\u00a0000 kr</td></tr></tfoot>',
    );
  });

  it("should render a signature block per party, leaving unknown names empty and an unknown place blank", () => {
    const doc = sampleTree();
    const sig = doc.children.find((b) => b.type === "signatures");
    if (sig?.type !== "signatures") throw new Error("expected signatures");
    sig.blocks[1] = {
      ...(sig.blocks[1] as (typeof sig.blocks)[number]),
      name: null,
      title: null,
      place: null,
    };
    const html = renderHtml(doc);
    expect(html).toContain("<p>För Socialnämnden i Stockholms stad</p>");
    expect(html).toContain(
      "<p>Veronica Carstorp Wolgast, socialdirektör</p><p>Stockholm den ____________ 2025</p>",
    );
    expect(html).toContain(
      '<p>För Brottsofferjouren Stockholm-Gotland</p><p class="linje"></p><p></p><p>____________ den ____________ 2025</p>',
    );
  });

  it("should render inline changes as ins and del, and changed blocks wrapped whole", () => {
    const html = body(
      p(
        t("till "),
        { type: "change", kind: "del", children: [t("2025")] },
        { type: "change", kind: "ins", children: [t("2027")] },
      ),
      { ...ul("Borttagen punkt"), change: "del" },
    );
    expect(html).toContain(
      '<p>till <del title="Borttaget">2025</del><ins title="Tillagt">2027</ins></p>',
    );
    expect(html).toContain('<del class="block"><ul>\n<li><p>Borttagen punkt</p></li>\n</ul></del>');
  });

  it("should show a note after a block, escaped", () => {
    const heading = h(1, "2", "Parter", "parter");
    const html = renderHtml(tree(heading), {
      note: (b) => (b === heading ? "Flyttat från 3 <x>" : undefined),
    });
    expect(html).toContain('<p class="notering">Flyttat från 3 &lt;x&gt;</p>');
  });

  it("should keep the text of a node kind it does not know", () => {
    const doc: DocumentTree = tree({
      type: "bild",
      children: [t("alt <text>")],
    } as unknown as Block);
    expect(renderHtml(doc)).toContain('<div class="okand" data-typ="bild">alt &lt;text&gt;</div>');
  });
});

describe("htmlPage", () => {
  it("should be a standalone Swedish page with an inline stylesheet for screen and print", () => {
    const html = htmlPage("Jämförelse <1>", "<p>x</p>");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>Jämförelse &lt;1&gt;</title>");
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<(script|link)\b|url\(|@import/);
  });
});
