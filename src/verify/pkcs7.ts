/**
 * Checks a detached PKCS#7 / CMS SignedData signature (RFC 5652) over given bytes, the way a PDF
 * signature of SubFilter adbe.pkcs7.detached or ETSI.CAdES.detached is checked:
 *
 *   1. the signer's certificate is found among the certificates in the SignedData by issuer and
 *      serial number (asn1js reads the DER; node:crypto's X509Certificate reads the certificate);
 *   2. the signed attribute messageDigest equals the digest of the signed bytes;
 *   3. the signature verifies with the certificate's public key over the DER encoding of the
 *      signed attributes (re-tagged from [0] IMPLICIT to SET, as RFC 5652 5.4 requires).
 *
 * Trust (whether the certificate chains to a trusted issuer) is not judged here: there is no
 * trust store for Swedish e-signatures in this tool, and the report says so.
 */
import {
  constants,
  createHash,
  createPublicKey,
  verify as cryptoVerify,
  X509Certificate,
} from "node:crypto";
import * as asn1js from "asn1js";

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  rsaPss: "1.2.840.113549.1.1.10",
  ed25519: "1.3.101.112",
} as const;

/** Digest algorithms by OID, as node:crypto names them. */
const DIGESTS: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
  "2.16.840.1.101.3.4.2.4": "sha224",
};

export interface SignerCertificate {
  /** The subject's common name (CN), when it has one. */
  commonName?: string;
  /** Subject and issuer as "CN=…, O=…, C=…". */
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  selfSigned: boolean;
}

export interface Pkcs7Result {
  certificate?: SignerCertificate;
  /** The signingTime signed attribute (the signer's clock, not a trusted time stamp). */
  signingTime?: Date;
  digestAlgorithm?: string;
  /** Whether the messageDigest attribute equals the digest of the signed bytes. */
  digestMatches: boolean;
  /** Whether the signature verifies with the signer's public key. */
  signatureVerifies: boolean;
  /** Swedish descriptions of what is wrong; empty when the signature is intact. */
  problems: string[];
}

type Block = asn1js.AsnType;

const children = (block: Block | undefined): Block[] =>
  block?.valueBlock && "value" in block.valueBlock && Array.isArray(block.valueBlock.value)
    ? (block.valueBlock.value as Block[])
    : [];
const isContext = (block: Block | undefined, tag: number): boolean =>
  block?.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;
const oidOf = (block: Block | undefined): string | undefined =>
  block instanceof asn1js.ObjectIdentifier ? block.valueBlock.toString() : undefined;
const der = (block: Block): Buffer => Buffer.from(block.valueBeforeDecodeView);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** The raw value bytes of a primitive block (INTEGER, OCTET STRING, [0] IMPLICIT OCTET STRING). */
function valueBytes(block: Block | undefined): Buffer {
  if (block instanceof asn1js.OctetString) return Buffer.from(block.getValue());
  const view = (block?.valueBlock as { valueHexView?: Uint8Array } | undefined)?.valueHexView;
  return Buffer.from(view ?? new Uint8Array());
}

/** Issuer name DER, serial number bytes and subject key identifier of a certificate. */
function certificateIds(certDer: Buffer): { issuer: string; serial: string } | undefined {
  const parsed = asn1js.fromBER(certDer);
  if (parsed.offset === -1) return undefined;
  const tbs = children(children(parsed.result)[0]);
  const first = isContext(tbs[0], 0) ? 1 : 0;
  const serial = tbs[first];
  const issuer = tbs[first + 2];
  if (!serial || !issuer) return undefined;
  return { issuer: hex(der(issuer)), serial: hex(valueBytes(serial)) };
}

const nameText = (name: string): string => name.split("\n").filter(Boolean).join(", ");

function describeCertificate(cert: X509Certificate): SignerCertificate {
  const cn = /^CN=(.*)$/m.exec(cert.subject)?.[1];
  return {
    ...(cn ? { commonName: cn } : {}),
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    selfSigned: cert.subject === cert.issuer,
  };
}

function timeOf(block: Block | undefined): Date | undefined {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) {
    return block.toDate();
  }
  return undefined;
}

/** Verifies `signature` over `data` with the certificate's key, by the signature algorithm. */
function verifyWith(
  cert: X509Certificate,
  digest: string,
  signatureAlgorithm: string | undefined,
  data: Buffer,
  signature: Buffer,
): boolean {
  const key = createPublicKey(cert.publicKey.export({ format: "pem", type: "spki" }));
  try {
    if (key.asymmetricKeyType === "ed25519" || signatureAlgorithm === OID.ed25519) {
      return cryptoVerify(null, data, key, signature);
    }
    if (signatureAlgorithm === OID.rsaPss || key.asymmetricKeyType === "rsa-pss") {
      return cryptoVerify(
        digest,
        data,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_AUTO,
        },
        signature,
      );
    }
    // RSA PKCS#1 v1.5 and ECDSA (DER-encoded r, s) both go through the default.
    return cryptoVerify(digest, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Checks a DER-encoded ContentInfo holding a detached SignedData (trailing zero padding, as in a
 * PDF's /Contents, is ignored) over `signedBytes`.
 */
export function verifyDetachedPkcs7(
  signatureDer: Uint8Array,
  signedBytes: Uint8Array,
): Pkcs7Result {
  const result: Pkcs7Result = { digestMatches: false, signatureVerifies: false, problems: [] };
  const fail = (problem: string): Pkcs7Result => {
    result.problems.push(problem);
    return result;
  };

  // Limits keep a hostile signature from making the parser work without end.
  const parsed = asn1js.fromBER(signatureDer, { maxDepth: 40, maxNodes: 20000 });
  if (parsed.offset === -1) return fail("underskriften är inte en läsbar PKCS#7-struktur");
  const contentInfo = children(parsed.result);
  if (oidOf(contentInfo[0]) !== OID.signedData || !isContext(contentInfo[1], 0)) {
    return fail("underskriften är inte av typen PKCS#7 SignedData");
  }
  const signedData = children(children(contentInfo[1])[0]);
  const encapContent = children(signedData[2]);
  if (encapContent.length > 1) {
    return fail("underskriften innehåller själv det signerade innehållet (stöds inte)");
  }
  const certificates = children(signedData.find((b, i) => i > 2 && isContext(b, 0)))
    .map((b) => {
      try {
        return { cert: new X509Certificate(der(b)), ids: certificateIds(der(b)) };
      } catch {
        return undefined;
      }
    })
    .filter((c) => c !== undefined);
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) {
    return fail(`underskriften har ${signerInfos.length} undertecknare i stället för en`);
  }
  const info = children(signerInfos[0]);
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature.
  const sid = info[1];
  const digest = DIGESTS[oidOf(children(info[2])[0]) ?? ""];
  const attrsIndex = isContext(info[3], 0) ? 3 : -1;
  const signedAttrs = attrsIndex === 3 ? info[3] : undefined;
  const algIndex = attrsIndex === 3 ? 4 : 3;
  const signatureAlgorithm = oidOf(children(info[algIndex])[0]);
  const signature = valueBytes(info[algIndex + 1]);
  if (!digest) return fail("underskriften använder en okänd hashalgoritm");
  result.digestAlgorithm = digest.toUpperCase().replace("SHA", "SHA-");

  // The signer's certificate: by issuer and serial number. Some signers (node-forge among them)
  // re-encode the issuer name, so the serial number alone decides when the DER differs.
  let signer = certificates.length === 1 ? certificates[0] : undefined;
  if (sid && !isContext(sid, 0)) {
    const [issuer, serial] = children(sid);
    const wantIssuer = issuer ? hex(der(issuer)) : undefined;
    const wantSerial = serial ? hex(valueBytes(serial)) : undefined;
    signer =
      certificates.find((c) => c.ids?.issuer === wantIssuer && c.ids?.serial === wantSerial) ??
      certificates.find((c) => c.ids?.serial === wantSerial);
  }
  if (!signer) return fail("undertecknarens certifikat finns inte i underskriften");
  result.certificate = describeCertificate(signer.cert);

  const contentDigest = createHash(digest).update(signedBytes).digest();
  let toVerify: Buffer;
  if (signedAttrs) {
    const attributes = new Map<string, Block | undefined>();
    for (const attribute of children(signedAttrs)) {
      const [type, values] = children(attribute);
      const oid = oidOf(type);
      if (oid) attributes.set(oid, children(values)[0]);
    }
    const messageDigest = valueBytes(attributes.get(OID.messageDigest));
    result.digestMatches = messageDigest.equals(contentDigest);
    const time = timeOf(attributes.get(OID.signingTime));
    if (time) result.signingTime = time;
    // RFC 5652 5.4: the signature covers the attributes' DER with the SET OF tag (0x31).
    toVerify = Buffer.from(der(signedAttrs));
    toVerify[0] = 0x31;
  } else {
    result.digestMatches = true;
    toVerify = Buffer.from(signedBytes);
  }
  if (!result.digestMatches) {
    result.problems.push("det signerade innehållet har ändrats (kontrollsumman stämmer inte)");
  }
  result.signatureVerifies = verifyWith(
    signer.cert,
    digest,
    signatureAlgorithm,
    toVerify,
    signature,
  );
  if (!result.signatureVerifies) {
    result.problems.push("den kryptografiska underskriften stämmer inte med certifikatet");
  }
  return result;
}
