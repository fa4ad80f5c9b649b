import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../../src/document/text.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { sampleTree } from "../../helpers/trees.js";
import { redlineTree, versionText } from "./trees.js";

/** mammoth, a second reader written independently of LibreOffice and of docx. */
describe("Word output read by mammoth", () => {
  let html = "";
  let messages: { type: string; message: string }[] = [];

  beforeAll(async () => {
    const buffer = Buffer.from(await renderDocx(sampleTree()));
    ({ value: html, messages } = await mammoth.convertToHtml({ buffer }));
  });

  it("should read the document without errors", () => {
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
  });

  it("should see the headings through their built-in styles", () => {
    expect(html.match(/<h1>[^<]*<\/h1>/g)).toEqual([
      "<h1>Åtagande</h1>",
      "<h1>Socialförvaltningens ersättning under 12 månader</h1>",
      "<h1>Underskrift</h1>",
    ]);
    expect(html).toContain("<h2>Stöd</h2>");
  });

  it("should see the bullet list with its nested ordered list", () => {
    expect(html).toMatch(/<ul><li>Stödsamtal[\s\S]*<li>Medföljning[^<]*<ol><li>Första kontakten/);
  });

  it("should see the table's header row and its bold total", () => {
    expect(html).toContain("<thead><tr><th><p><strong>Beskrivning av resurs</strong></p></th>");
    expect(html).toContain("<strong>830\u00a0000 kr</strong>");
  });

  it("should read a redline as its new version", async () => {
    const tree = redlineTree();
    const buffer = Buffer.from(await renderDocx(tree));
    const { value } = await mammoth.extractRawText({ buffer });
    expect(normalizeWhitespace(value)).toBe(normalizeWhitespace(versionText(tree, "new")));
  });
});
