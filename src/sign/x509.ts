/**
 * Certificates and CRLs as both signing (B-LT validation data) and verifying (trust, revocation)
 * need them: building a chain from a pool of certificates, the CRL distribution points of a
 * certificate, and reading and checking a CRL. Signatures are checked with node:crypto; pkijs
 * reads the structures.
 */
import { verify as cryptoVerify, X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";

const toAb = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Digests by signature algorithm OID (RSA PKCS#1 v1.5 and ECDSA). */
const SIGNATURE_DIGESTS: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};

export function parseCertificate(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

/** Whether `issuer` issued `cert`: names match and the signature verifies with its key. */
export function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export const isSelfSigned = (cert: X509Certificate): boolean => issued(cert, cert);

/**
 * The chain from `leaf` upwards through certificates of `pool`: leaf first, ending at a
 * self-signed certificate or where no issuer is found.
 */
export function buildChain(leaf: X509Certificate, pool: X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  for (let cert = leaf; chain.length < 10 && !isSelfSigned(cert); ) {
    const issuer = pool.find(
      (c) => issued(c, cert) && !chain.some((d) => d.fingerprint256 === c.fingerprint256),
    );
    if (!issuer) break;
    chain.push(issuer);
    cert = issuer;
  }
  return chain;
}

/** The parsed value of one of a certificate's extensions, undefined when absent or unreadable. */
function extensionValue<T>(cert: X509Certificate, oid: string): T | undefined {
  try {
    const parsed = pkijs.Certificate.fromBER(toAb(cert.raw));
    return parsed.extensions?.find((e) => e.extnID === oid)?.parsedValue as T | undefined;
  } catch {
    return undefined;
  }
}

/** The HTTP(S) addresses among general names (type 6 is a URI). */
const httpUrls = (names: readonly pkijs.GeneralName[]): string[] =>
  names
    .filter((name) => name.type === 6 && typeof name.value === "string")
    .map((name) => name.value as string)
    .filter((url) => /^https?:\/\//i.test(url));

/** The HTTP(S) addresses of a certificate's CRL distribution points. */
export function crlUrls(cert: X509Certificate): string[] {
  const points = extensionValue<pkijs.CRLDistributionPoints>(cert, "2.5.29.31");
  return httpUrls(
    (points?.distributionPoints ?? []).flatMap((p) =>
      Array.isArray(p.distributionPoint) ? p.distributionPoint : [],
    ),
  );
}

export interface Crl {
  der: Buffer;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Serial numbers of the revoked certificates. */
  revoked: Set<bigint>;
  /** Whether the CRL's signature verifies with `issuer`'s key. */
  signedBy(issuer: X509Certificate): boolean;
}

const serial = (hex: string): bigint => BigInt(`0x${hex || "0"}`);

/** Reads a DER-encoded CRL; undefined when it cannot be read. */
export function parseCrl(der: Uint8Array): Crl | undefined {
  try {
    const crl = pkijs.CertificateRevocationList.fromBER(toAb(der));
    const digest = SIGNATURE_DIGESTS[crl.signatureAlgorithm.algorithmId];
    const tbs = Buffer.from(crl.tbsView);
    const signature = Buffer.from(crl.signatureValue.valueBlock.valueHexView);
    return {
      der: Buffer.from(der),
      thisUpdate: crl.thisUpdate.value,
      ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value } : {}),
      revoked: new Set(
        (crl.revokedCertificates ?? []).map((r) =>
          serial(Buffer.from(r.userCertificate.valueBlock.valueHexView).toString("hex")),
        ),
      ),
      signedBy: (issuer) => {
        if (!digest) return false;
        try {
          return cryptoVerify(digest, tbs, issuer.publicKey, signature);
        } catch {
          return false;
        }
      },
    };
  } catch {
    return undefined;
  }
}

/** Whether `crl` lists `cert` as revoked. */
export const revokedIn = (crl: Crl, cert: X509Certificate): boolean =>
  crl.revoked.has(serial(cert.serialNumber));

/** The certificate's common name, else its whole subject. */
export const commonName = (cert: X509Certificate): string =>
  /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? cert.subject.split("\n").join(", ");

/** The HTTP(S) addresses of a certificate's OCSP responders (authority information access). */
export function ocspUrls(cert: X509Certificate): string[] {
  const access = extensionValue<pkijs.InfoAccess>(cert, "1.3.6.1.5.5.7.1.1");
  return httpUrls(
    (access?.accessDescriptions ?? [])
      .filter((d) => d.accessMethod === "1.3.6.1.5.5.7.48.1")
      .map((d) => d.accessLocation),
  );
}

/** An OCSP request (DER) for `cert`, issued by `issuer` (SHA-1 CertID, as responders expect). */
export async function ocspRequest(cert: X509Certificate, issuer: X509Certificate): Promise<Buffer> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(pkijs.Certificate.fromBER(toAb(cert.raw)), {
    hashAlgorithm: "SHA-1",
    issuerCertificate: pkijs.Certificate.fromBER(toAb(issuer.raw)),
  });
  return Buffer.from(request.toSchema(true).toBER());
}

export interface Ocsp {
  /** The whole OCSPResponse, as a DSS holds it. */
  der: Buffer;
  /** Status by serial number: good, revoked or unknown. */
  status: Map<bigint, "good" | "revoked" | "unknown">;
  /**
   * Whether the response is signed by `issuer` itself or by a responder certificate in it that
   * `issuer` issued.
   */
  signedBy(issuer: X509Certificate): boolean;
}

const STATUS = ["good", "revoked", "unknown"] as const;

/** Reads a DER-encoded OCSPResponse; undefined unless it is a successful basic response. */
export function parseOcsp(der: Uint8Array): Ocsp | undefined {
  try {
    const response = pkijs.OCSPResponse.fromBER(toAb(der));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) {
      return undefined;
    }
    const basic = pkijs.BasicOCSPResponse.fromBER(
      toAb(Buffer.from(response.responseBytes.response.getValue())),
    );
    const digest = SIGNATURE_DIGESTS[basic.signatureAlgorithm.algorithmId];
    const tbs = Buffer.from(basic.tbsResponseData.tbsView);
    const signature = Buffer.from(basic.signature.valueBlock.valueHexView);
    const status = new Map<bigint, "good" | "revoked" | "unknown">();
    for (const single of basic.tbsResponseData.responses) {
      const tag = (single.certStatus as { idBlock?: { tagNumber?: number } }).idBlock?.tagNumber;
      const hex = Buffer.from(single.certID.serialNumber.valueBlock.valueHexView).toString("hex");
      status.set(serial(hex), STATUS[tag ?? 2] ?? "unknown");
    }
    const responders = (basic.certs ?? [])
      .map((c) => parseCertificate(Buffer.from(c.toSchema(false).toBER())))
      .filter((c): c is X509Certificate => c !== undefined);
    const verifies = (key: X509Certificate) => {
      if (!digest) return false;
      try {
        return cryptoVerify(digest, tbs, key.publicKey, signature);
      } catch {
        return false;
      }
    };
    return {
      der: Buffer.from(der),
      status,
      signedBy: (issuer) =>
        verifies(issuer) || responders.some((r) => issued(issuer, r) && verifies(r)),
    };
  } catch {
    return undefined;
  }
}

/** The OCSP status of `cert` in `ocsp`. */
export const ocspStatus = (ocsp: Ocsp, cert: X509Certificate) =>
  ocsp.status.get(serial(cert.serialNumber));
