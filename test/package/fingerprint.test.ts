import { describe, expect, it } from "vitest";
import { documentText } from "../../src/document/text.js";
import { sha256 } from "../../src/hash.js";
import { contentFingerprint, formatFingerprint } from "../../src/package/fingerprint.js";
import { sampleTree } from "../helpers/trees.js";
import { replaceWord } from "./trees.js";

describe("contentFingerprint", () => {
  it("hashes the document text and shows 12 hex digits in groups of four", () => {
    const tree = sampleTree();
    const { contentSha256, fingerprint } = contentFingerprint(tree);
    expect(contentSha256).toBe(sha256(documentText(tree)));
    expect(fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(fingerprint.replace(/ /g, "")).toBe(contentSha256.slice(0, 12));
  });

  it("formats any hash the same way", () => {
    expect(formatFingerprint("3f2a91c077be0123456789")).toBe("3f2a 91c0 77be");
  });

  it("changes when one word changes, and not with signing details", () => {
    const tree = sampleTree();
    const base = contentFingerprint(tree);
    expect(contentFingerprint(replaceWord(tree, "Stödsamtal", "Stödsamtalen"))).not.toEqual(base);
    const electronic = { ...tree, signing: { ...tree.signing, mode: "elektronisk" as const } };
    expect(contentFingerprint(electronic)).toEqual(base);
  });
});
