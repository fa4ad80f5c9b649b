/**
 * PAdES B-LT: after a B-T signature, a further incremental update adds a Document Security Store
 * (DSS, ETSI EN 319 142-1 5.4 / ISO 32000-2 12.8.4.3) to the catalog with the certificates of the
 * signer's chain (and of the timestamp's) and the revocation data that can be fetched: the CRL
 * from a certificate's distribution points, else an OCSP response from its responder (authority
 * information access), plus a VRI entry for the signature. An existing DSS (from an earlier
 * party's B-LT signature) is kept and extended.
 *
 * When revocation data for the signer's certificate cannot be had (no distribution point or
 * responder, none answers, an answer that does not verify), nothing is added and the caller keeps the signature at
 * B-T with the note returned here.
 */
import { createHash, type X509Certificate } from "node:crypto";
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { appendUpdate, openForUpdate, type UpdateObject } from "./incremental.js";
import {
  buildChain,
  type Crl,
  commonName,
  crlUrls,
  isSelfSigned,
  type Ocsp,
  ocspRequest,
  ocspStatus,
  ocspUrls,
  parseCertificate,
  parseCrl,
  parseOcsp,
  revokedIn,
} from "./x509.js";

export interface ValidationInput {
  /** The signature's /Contents bytes (the CMS with its zero padding), for the VRI key. */
  contents: Uint8Array;
  /** The signer's certificate (DER). */
  signer: Uint8Array;
  /** Other certificates: the signer's chain from the PKCS#12 file and the TSA's. */
  certificates: Uint8Array[];
  /** Fetches a CRL (default: HTTP(S) GET with a time limit); undefined when it cannot be had. */
  fetchCrl?: (url: string) => Promise<Uint8Array | undefined>;
}

/** A CRL larger than this is not fetched (nor put in the PDF). */
const MAX_CRL_BYTES = 10 * 1024 * 1024;

/** Asks an OCSP responder over HTTP(S) (RFC 6960 A.1: POST); undefined when it does not answer. */
async function postOcsp(url: string, request: Buffer): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/ocsp-request" },
      body: new Uint8Array(request),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) return undefined;
    const body = new Uint8Array(await response.arrayBuffer());
    return body.length > MAX_CRL_BYTES ? undefined : body;
  } catch {
    return undefined;
  }
}

/** Fetches a CRL over HTTP(S); undefined when it cannot be had. */
async function fetchCrl(url: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok || Number(response.headers.get("content-length") ?? 0) > MAX_CRL_BYTES) {
      return undefined;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    return body.length > MAX_CRL_BYTES ? undefined : body;
  } catch {
    return undefined;
  }
}

const latin1 = (text: string) => Buffer.from(text, "latin1");

const streamObject = (ref: PDFRef, data: Uint8Array): UpdateObject => ({
  ref,
  body: Buffer.concat([
    latin1(`<< /Length ${data.length} >>\nstream\n`),
    data,
    latin1("\nendstream"),
  ]),
});

/** The Swedish note for a signature that stays at B-T, and why. */
const stayBt = (why: string) => ({
  notes: [`${why}; underskriften stannar på nivå B-T (utan DSS).`],
});

/** The revocation data found, and the fingerprints of the certificates it covers. */
interface Revocation {
  crls: Map<string, Crl>;
  ocsps: Map<string, Ocsp>;
  covered: Set<string>;
}

/**
 * The signer's chain, and every certificate of it and of the chains of the other certificates
 * given (the TSA's), without duplicates (by fingerprint).
 */
function certificatesOf(
  signer: X509Certificate,
  pool: X509Certificate[],
): { signerChain: X509Certificate[]; all: Map<string, X509Certificate> } {
  const signerChain = buildChain(signer, pool);
  const all = new Map<string, X509Certificate>();
  for (const cert of [...signerChain, ...pool.flatMap((c) => buildChain(c, pool))]) {
    all.set(cert.fingerprint256, cert);
  }
  return { signerChain, all };
}

/**
 * Adds the first current CRL its issuer signed from the certificate's distribution points to
 * `found`; returns the reason to stay at B-T when that CRL revokes the certificate.
 */
async function addCrl(
  cert: X509Certificate,
  issuer: X509Certificate | undefined,
  get: (url: string) => Promise<Uint8Array | undefined>,
  found: Revocation,
): Promise<string | undefined> {
  for (const url of crlUrls(cert)) {
    const der = await get(url);
    const crl = der ? parseCrl(der) : undefined;
    // Only a CRL its issuer signed, and that is still current, says anything.
    if (!crl || !issuer || !crl.signedBy(issuer)) continue;
    if (crl.nextUpdate && crl.nextUpdate.getTime() < Date.now()) continue;
    found.crls.set(createHash("sha256").update(crl.der).digest("hex"), crl);
    found.covered.add(cert.fingerprint256);
    if (revokedIn(crl, cert)) {
      return `Certifikatet ${commonName(cert)} är återkallat enligt spärrlistan ${url}`;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Adds the first "good" OCSP response its issuer signed from the certificate's responders to
 * `found`; returns the reason to stay at B-T when a response says the certificate is revoked.
 */
async function addOcsp(
  cert: X509Certificate,
  issuer: X509Certificate,
  found: Revocation,
): Promise<string | undefined> {
  for (const url of ocspUrls(cert)) {
    const der = await postOcsp(url, await ocspRequest(cert, issuer));
    const ocsp = der ? parseOcsp(der) : undefined;
    if (!ocsp?.signedBy(issuer)) continue;
    const status = ocspStatus(ocsp, cert);
    if (status === "revoked") {
      return `Certifikatet ${commonName(cert)} är återkallat enligt OCSP-svaret från ${url}`;
    }
    if (status !== "good") continue;
    found.ocsps.set(createHash("sha256").update(ocsp.der).digest("hex"), ocsp);
    found.covered.add(cert.fingerprint256);
    return undefined;
  }
  return undefined;
}

/**
 * The revocation data for every certificate but the self-signed ones: a CRL, else an OCSP
 * response. A string is the reason to stay at B-T (a certificate is revoked).
 */
async function collectRevocation(
  all: Map<string, X509Certificate>,
  get: (url: string) => Promise<Uint8Array | undefined>,
): Promise<Revocation | string> {
  const found: Revocation = { crls: new Map(), ocsps: new Map(), covered: new Set() };
  for (const cert of all.values()) {
    if (isSelfSigned(cert)) continue;
    const issuer = buildChain(cert, [...all.values()])[1];
    const revokedByCrl = await addCrl(cert, issuer, get, found);
    if (revokedByCrl) return revokedByCrl;
    if (found.covered.has(cert.fingerprint256) || !issuer) continue;
    const revokedByOcsp = await addOcsp(cert, issuer, found);
    if (revokedByOcsp) return revokedByOcsp;
  }
  return found;
}

/**
 * Why B-LT cannot be reached with the revocation data found, if it cannot: B-LT needs revocation
 * data for every certificate of the signer's chain but its root.
 */
function coverageProblem(
  signer: X509Certificate,
  signerChain: X509Certificate[],
  covered: Set<string>,
): string | undefined {
  if (!covered.has(signer.fingerprint256)) {
    const urls = [...crlUrls(signer), ...ocspUrls(signer)];
    return urls.length === 0
      ? `Certifikatet ${commonName(signer)} anger varken spärrlista (CRL) eller OCSP-tjänst`
      : `Spärrinformation för ${commonName(signer)} kunde inte hämtas eller kontrolleras (${urls.join(", ")})`;
  }
  const uncovered = signerChain.filter(
    (c) => c !== signer && !isSelfSigned(c) && !covered.has(c.fingerprint256),
  );
  if (uncovered.length === 0) return undefined;
  return `Spärrinformation för ${uncovered.map(commonName).join(", ")} i undertecknarens certifikatkedja kunde inte hämtas eller kontrolleras`;
}

/** Adds `refs` to the DSS array `key` (an earlier DSS's entries stay); nothing when empty. */
function extendDss(doc: PDFDocument, dss: PDFDict, key: string, refs: PDFRef[]): void {
  if (refs.length === 0) return;
  const old = dss.lookup(PDFName.of(key));
  const list = old instanceof PDFArray ? old.clone(doc.context) : doc.context.obj([]);
  for (const ref of refs) list.push(ref);
  dss.set(PDFName.of(key), list);
}

/**
 * The PDF with an update that adds the certificates and revocation data as streams, and a DSS
 * (an earlier one's entries kept) with a VRI entry for the signature whose /Contents is
 * `contents`; or the reason to stay at B-T when the PDF cannot be updated.
 */
async function appendDss(
  pdf: Uint8Array,
  contents: Uint8Array,
  all: Map<string, X509Certificate>,
  found: Revocation,
): Promise<Uint8Array | string> {
  const opened = await openForUpdate(pdf);
  if (!opened.ok) return "PDF-filen kunde inte läsas för DSS";
  const { doc, xref } = opened.value;
  let next = opened.value.next;
  const objects: UpdateObject[] = [];
  const streams = (data: Uint8Array[]) =>
    data.map((bytes) => {
      const ref = PDFRef.of(next++);
      objects.push(streamObject(ref, bytes));
      return ref;
    });
  const certRefs = streams([...all.values()].map((cert) => cert.raw));
  const crlRefs = streams([...found.crls.values()].map((crl) => crl.der));
  const ocspRefs = streams([...found.ocsps.values()].map((ocsp) => ocsp.der));

  // The DSS: an earlier one's entries stay, the new ones are added.
  const rootRef = doc.context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) return "PDF-filen saknar /Root";
  const catalog = doc.catalog.clone(doc.context);
  const existing = catalog.lookup(PDFName.of("DSS"));
  const dss = existing instanceof PDFDict ? existing.clone(doc.context) : doc.context.obj({});
  extendDss(doc, dss, "Certs", certRefs);
  extendDss(doc, dss, "CRLs", crlRefs);
  extendDss(doc, dss, "OCSPs", ocspRefs);
  const oldVri = dss.lookup(PDFName.of("VRI"));
  const vri = oldVri instanceof PDFDict ? oldVri.clone(doc.context) : doc.context.obj({});
  const key = createHash("sha1").update(contents).digest("hex").toUpperCase();
  vri.set(
    PDFName.of(key),
    doc.context.obj({
      Cert: doc.context.obj(certRefs),
      ...(crlRefs.length > 0 ? { CRL: doc.context.obj(crlRefs) } : {}),
      ...(ocspRefs.length > 0 ? { OCSP: doc.context.obj(ocspRefs) } : {}),
    }),
  );
  dss.set(PDFName.of("VRI"), vri);
  const dssRef = PDFRef.of(next++);
  objects.push({ ref: dssRef, body: latin1(dss.toString()) });
  catalog.set(PDFName.of("DSS"), dssRef);
  objects.push({ ref: rootRef, body: latin1(catalog.toString()) });
  return appendUpdate(pdf, doc, xref, objects, next);
}

/** Returns the PDF with a DSS update appended, or only notes when no revocation data was had. */
export async function addValidationData(
  pdf: Uint8Array,
  input: ValidationInput,
): Promise<{ pdf?: Uint8Array; notes: string[] }> {
  const signer = parseCertificate(input.signer);
  if (!signer) return stayBt("Certifikatet kan inte läsas");
  const pool = input.certificates
    .map(parseCertificate)
    .filter((c): c is X509Certificate => c !== undefined);
  const { signerChain, all } = certificatesOf(signer, pool);
  const found = await collectRevocation(all, input.fetchCrl ?? fetchCrl);
  if (typeof found === "string") return stayBt(found);
  const problem = coverageProblem(signer, signerChain, found.covered);
  if (problem) return stayBt(problem);
  const updated = await appendDss(pdf, input.contents, all, found);
  if (typeof updated === "string") return stayBt(updated);
  const notes: string[] = [];
  const missing = [...all.values()].filter(
    (c) => !isSelfSigned(c) && !found.covered.has(c.fingerprint256),
  );
  if (missing.length > 0) {
    notes.push(
      `Spärrinformation saknas för ${missing.map(commonName).join(", ")}; DSS innehåller den som kunde hämtas.`,
    );
  }
  return { pdf: updated, notes };
}
