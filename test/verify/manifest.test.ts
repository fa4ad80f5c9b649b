import { describe, expect, it } from "vitest";
import { createManifest, type ManifestDocument } from "../../src/package/manifest.js";
import { manifestProblems } from "../../src/verify/manifest.js";

const document: ManifestDocument = {
  name: "overenskommelse",
  title: "Överenskommelse",
  kind: "overenskommelse",
  signing: "papper",
  contentSha256: "0".repeat(64),
  fingerprint: "0000 0000 0000",
  files: ["overenskommelse.pdf"],
  copies: [],
};
const valid = () =>
  createManifest("test", [document], [{ path: "overenskommelse.pdf", data: new Uint8Array(3) }]);

describe("manifest.json against schemas/manifest.schema.json", () => {
  it("accepts a manifest as createManifest writes it", async () => {
    expect(await manifestProblems(JSON.parse(JSON.stringify(valid())))).toEqual([]);
  });

  it("says in Swedish that a manifest is no JSON object", async () => {
    expect(await manifestProblems([1, 2])).toEqual(["manifest.json är inget JSON-objekt"]);
    expect(await manifestProblems(null)).toEqual(["manifest.json är inget JSON-objekt"]);
  });

  it("lists every problem at once, each with its place", async () => {
    const manifest = JSON.parse(JSON.stringify(valid()));
    delete manifest.files[0].sha256;
    manifest.documents[0].copies = "inga";
    manifest.documents[0].signing = "fax";
    manifest.extra = true;
    expect(await manifestProblems(manifest)).toEqual([
      expect.stringMatching(/^Okänd nyckel "extra"\./),
      'documents[0].signing: Värdet "fax" är inte tillåtet. Välj ett av: papper, elektronisk.',
      "documents[0].copies: Värdet ska vara en lista.",
      'files[0]: Nyckeln "sha256" saknas.',
    ]);
  });

  it("says which list is missing", async () => {
    const { files: _files, ...manifest } = valid();
    expect(await manifestProblems(manifest)).toEqual(['Nyckeln "files" saknas.']);
  });
});
