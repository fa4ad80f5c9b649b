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
 * Besides, for PAdES and CAdES: whether the ESS signing-certificate-v2 attribute binds the
 * signer's certificate, and the RFC 3161 signature timestamp (an unsigned attribute), whose token
 * is itself a SignedData checked the same way (with its content, the TSTInfo, encapsulated) and
 * whose message imprint must be the digest of this signature's value.
 *
 * Trust (whether the certificate chains to a trusted issuer) is judged by `signatures.ts` with
 * the certificates returned here.
 */
import {
  constants,
  createHash,
  createPublicKey,
  verify as cryptoVerify,
  X509Certificate,
} from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  timeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
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

export interface Timestamp {
  /** The TSA's time (TSTInfo genTime). */
  time: Date;
  /** The TSA: its certificate's common name, else the name in the token. */
  tsa: string;
  /** The token verifies and its message imprint is the digest of the signature value. */
  valid: boolean;
  problems: string[];
  /** The TSA's certificate and the other certificates in the token (DER). */
  signer?: Buffer;
  certificates: Buffer[];
}

export interface Pkcs7Result {
  certificate?: SignerCertificate;
  /** The signer's certificate (DER) and every certificate in the SignedData. */
  signerDer?: Buffer;
  certificates: Buffer[];
  /** Whether an ESS signing-certificate-v2 attribute is present and names the signer's certificate. */
  signingCertificateV2: boolean;
  /** The signature timestamp (CAdES/PAdES B-T), when the signature has one. */
  timestamp?: Timestamp;
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
  return checkSignedData(signatureDer, signedBytes).result;
}

/** A certificate carried in a SignedData, with its issuer and serial number when they read. */
interface EmbeddedCertificate {
  cert: X509Certificate;
  ids: { issuer: string; serial: string } | undefined;
}

/**
 * The parts of a SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm,
 * signature, [1] unsignedAttrs?.
 */
interface SignerInfoParts {
  sid: Block | undefined;
  /** Node's name of the digest algorithm; undefined when it is not one we know. */
  digest: string | undefined;
  signedAttrs: Block | undefined;
  signatureAlgorithm: string | undefined;
  signature: Buffer;
  unsigned: Block | undefined;
}

/** The SignedData's fields in a ContentInfo, or the Swedish problem when it is none. */
function readSignedData(signatureDer: Uint8Array): Block[] | string {
  // Limits keep a hostile signature from making the parser work without end.
  const parsed = asn1js.fromBER(signatureDer, { maxDepth: 40, maxNodes: 20000 });
  if (parsed.offset === -1) return "underskriften är inte en läsbar PKCS#7-struktur";
  const contentInfo = children(parsed.result);
  if (oidOf(contentInfo[0]) !== OID.signedData || !isContext(contentInfo[1], 0)) {
    return "underskriften är inte av typen PKCS#7 SignedData";
  }
  return children(children(contentInfo[1])[0]);
}

/**
 * The encapsulated content, when there is one; a Swedish problem when there is one although
 * `signedBytes` were given (a detached signature is expected).
 */
function encapsulated(
  signedData: Block[],
  signedBytes: Uint8Array | undefined,
): { content?: Buffer } | string {
  const encapContent = children(signedData[2]);
  if (encapContent.length <= 1) return {};
  if (signedBytes) return "underskriften innehåller själv det signerade innehållet (stöds inte)";
  return { content: valueBytes(children(encapContent[1])[0]) };
}

/** The certificates ([0] after the encapsulated content) that can be read. */
function embeddedCertificates(signedData: Block[]): EmbeddedCertificate[] {
  return children(signedData.find((b, i) => i > 2 && isContext(b, 0)))
    .map((b) => {
      try {
        return { cert: new X509Certificate(der(b)), ids: certificateIds(der(b)) };
      } catch {
        return undefined;
      }
    })
    .filter((c) => c !== undefined);
}

/** A SignerInfo's parts, found by position (signedAttrs is optional). */
function signerInfoParts(info: Block[]): SignerInfoParts {
  const signedAttrs = isContext(info[3], 0) ? info[3] : undefined;
  const algIndex = signedAttrs ? 4 : 3;
  return {
    sid: info[1],
    digest: DIGESTS[oidOf(children(info[2])[0]) ?? ""],
    signedAttrs,
    signatureAlgorithm: oidOf(children(info[algIndex])[0]),
    signature: valueBytes(info[algIndex + 1]),
    unsigned: info[algIndex + 2],
  };
}

/**
 * The signer's certificate: by issuer and serial number. Some signers (node-forge among them)
 * re-encode the issuer name, so the serial number alone decides when the DER differs. A
 * subjectKeyIdentifier sid is not looked up: then only a sole certificate is taken.
 */
function findSigner(
  certificates: EmbeddedCertificate[],
  sid: Block | undefined,
): EmbeddedCertificate | undefined {
  if (!sid || isContext(sid, 0)) return certificates.length === 1 ? certificates[0] : undefined;
  const [issuer, serial] = children(sid);
  const wantIssuer = issuer ? hex(der(issuer)) : undefined;
  const wantSerial = serial ? hex(valueBytes(serial)) : undefined;
  return (
    certificates.find((c) => c.ids?.issuer === wantIssuer && c.ids?.serial === wantSerial) ??
    certificates.find((c) => c.ids?.serial === wantSerial)
  );
}

/**
 * Reads the signed attributes into `result` (whether the message digest matches
 * `contentDigest`, the signing time, the signing-certificate-v2) and returns the bytes the
 * signature covers: the attributes' DER with the SET OF tag (0x31), RFC 5652 5.4.
 */
function checkSignedAttributes(
  result: Pkcs7Result,
  signedAttrs: Block,
  contentDigest: Buffer,
): Buffer {
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
  result.signingCertificateV2 = essCertIdMatches(
    attributes.get(OID.signingCertificateV2),
    result.signerDer,
  );
  const toVerify = Buffer.from(der(signedAttrs));
  toVerify[0] = 0x31;
  return toVerify;
}

/** The signature timestamp: an unsigned attribute after the signature value, checked. */
function signatureTimestamp(unsigned: Block | undefined, signature: Buffer): Timestamp | undefined {
  if (!isContext(unsigned, 1)) return undefined;
  for (const attribute of children(unsigned)) {
    const [type, values] = children(attribute);
    const token = children(values)[0];
    if (oidOf(type) === OID.timeStampToken && token) return checkTimestamp(der(token), signature);
  }
  return undefined;
}

/**
 * Checks a SignedData over `signedBytes`, or, when they are not given, over its encapsulated
 * content (as in a timestamp token), which is returned.
 */
function checkSignedData(
  signatureDer: Uint8Array,
  signedBytes: Uint8Array | undefined,
): { result: Pkcs7Result; content?: Buffer; signatureValue?: Buffer } {
  const result: Pkcs7Result = {
    certificates: [],
    signingCertificateV2: false,
    digestMatches: false,
    signatureVerifies: false,
    problems: [],
  };
  const fail = (problem: string) => {
    result.problems.push(problem);
    return { result };
  };

  const signedData = readSignedData(signatureDer);
  if (typeof signedData === "string") return fail(signedData);
  const encap = encapsulated(signedData, signedBytes);
  if (typeof encap === "string") return fail(encap);
  const { content } = encap;
  const data = signedBytes ?? content;
  if (!data) return fail("underskriften saknar det signerade innehållet");
  const certificates = embeddedCertificates(signedData);
  result.certificates = certificates.map((c) => Buffer.from(c.cert.raw));
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) {
    return fail(`underskriften har ${signerInfos.length} undertecknare i stället för en`);
  }
  const info = signerInfoParts(children(signerInfos[0]));
  const { digest, signature } = info;
  if (!digest) return fail("underskriften använder en okänd hashalgoritm");
  result.digestAlgorithm = digest.toUpperCase().replace("SHA", "SHA-");
  const signer = findSigner(certificates, info.sid);
  if (!signer) return fail("undertecknarens certifikat finns inte i underskriften");
  result.certificate = describeCertificate(signer.cert);
  result.signerDer = Buffer.from(signer.cert.raw);

  const contentDigest = createHash(digest).update(data).digest();
  let toVerify: Buffer;
  if (info.signedAttrs) {
    toVerify = checkSignedAttributes(result, info.signedAttrs, contentDigest);
  } else {
    result.digestMatches = true;
    toVerify = Buffer.from(data);
  }
  if (!result.digestMatches) {
    result.problems.push("det signerade innehållet har ändrats (kontrollsumman stämmer inte)");
  }
  result.signatureVerifies = verifyWith(
    signer.cert,
    digest,
    info.signatureAlgorithm,
    toVerify,
    signature,
  );
  if (!result.signatureVerifies) {
    result.problems.push("den kryptografiska underskriften stämmer inte med certifikatet");
  }
  const timestamp = signatureTimestamp(info.unsigned, signature);
  if (timestamp) result.timestamp = timestamp;
  return { result, ...(content ? { content } : {}), signatureValue: signature };
}

/**
 * Whether a signing-certificate-v2 attribute's first ESSCertIDv2 holds the hash of the signer's
 * certificate (SHA-256 unless the attribute names another algorithm).
 */
function essCertIdMatches(value: Block | undefined, signerDer: Buffer | undefined): boolean {
  if (!value || !signerDer) return false;
  const first = children(children(value)[0])[0];
  const [head, next] = children(first);
  const hasAlgorithm = head instanceof asn1js.Sequence;
  const digest = hasAlgorithm ? DIGESTS[oidOf(children(head)[0]) ?? ""] : "sha256";
  const hash = valueBytes(hasAlgorithm ? next : head);
  return digest !== undefined && hash.equals(createHash(digest).update(signerDer).digest());
}

/** Checks an RFC 3161 timestamp token over a signature value. */
function checkTimestamp(tokenDer: Buffer, signatureValue: Buffer): Timestamp {
  const checked = checkSignedData(tokenDer, undefined);
  const stamp: Timestamp = {
    time: new Date(Number.NaN),
    tsa: checked.result.certificate?.commonName ?? "okänd tidsstämpeltjänst",
    valid: false,
    problems: [...checked.result.problems],
    ...(checked.result.signerDer ? { signer: checked.result.signerDer } : {}),
    certificates: checked.result.certificates,
  };
  let info: pkijs.TSTInfo | undefined;
  try {
    if (checked.content) {
      const bytes = checked.content;
      info = pkijs.TSTInfo.fromBER(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
    }
  } catch {
    info = undefined;
  }
  if (!info) {
    stamp.problems.push("tidsstämpeln kan inte läsas");
    return stamp;
  }
  stamp.time = info.genTime;
  const digest = DIGESTS[info.messageImprint.hashAlgorithm.algorithmId];
  const imprint = Buffer.from(info.messageImprint.hashedMessage.getValue());
  if (!digest || !imprint.equals(createHash(digest).update(signatureValue).digest())) {
    stamp.problems.push("tidsstämpeln gäller inte den här underskriften");
  }
  stamp.valid = stamp.problems.length === 0;
  return stamp;
}
