/**
 * Builds a detached CAdES signature (CMS SignedData, RFC 5652, as profiled by ETSI EN 319 122-1)
 * with pkijs on asn1js:
 *
 *   - signed attributes content-type (id-data), message-digest (SHA-256 of the signed bytes) and
 *     ESS signing-certificate-v2 (RFC 5035: the SHA-256 of the signer's certificate and its issuer
 *     and serial number), which binds the certificate to the signature;
 *   - signing-time only when asked for: a PAdES signature must not carry it (the claimed time is
 *     the signature dictionary's /M), a detached signature of a file carries it;
 *   - optionally, as an unsigned attribute, an RFC 3161 signature timestamp token over the
 *     signature value (CAdES B-T), fetched by the caller's `timestamp` function.
 *
 * The signature itself is made with node:crypto over the DER of the signed attributes.
 */
import { createHash, sign as cryptoSign, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
} as const;

export const sha256 = (data: Uint8Array): Buffer => createHash("sha256").update(data).digest();

const toAb = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const parseCertificate = (der: Uint8Array): pkijs.Certificate =>
  pkijs.Certificate.fromBER(toAb(der));

export interface CadesOptions {
  /** SHA-256 of the signed bytes. */
  digest: Uint8Array;
  key: KeyObject;
  /** The signer's certificate and the other certificates to include (DER). */
  certificate: Uint8Array;
  chain: Uint8Array[];
  /** Adds the signing-time attribute (not for PAdES). */
  signingTime?: Date;
  /** Returns an RFC 3161 TimeStampToken (DER ContentInfo) over the given signature value. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

/** ESS signing-certificate-v2 with one ESSCertIDv2 (SHA-256, the default, so not written). */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new pkijs.GeneralName({ type: 4, value: cert.issuer }).toSchema()],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toAb(sha256(certDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

const attribute = (type: string, value: asn1js.AsnType) =>
  new pkijs.Attribute({ type, values: [value] });

/** The DER of each attribute, sorted as DER requires of a SET OF. */
function sortedDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  encoded.sort((x, y) => Buffer.compare(x.der, y.der));
  return encoded.map((e) => e.a);
}

/** A DER-encoded ContentInfo with the detached SignedData. */
export async function buildCadesSignature(options: CadesOptions): Promise<Buffer> {
  const cert = parseCertificate(options.certificate);
  const signedAttributes = sortedDer([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toAb(options.digest) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(options.certificate, cert)),
    ...(options.signingTime
      ? [attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: options.signingTime }))]
      : []),
  ]);
  // RFC 5652 5.4: the signature covers the attributes encoded as a SET OF (tag 0x31).
  const toSign = Buffer.from(
    new asn1js.Set({ value: signedAttributes.map((a) => a.toSchema()) }).toBER(),
  );
  const ec = options.key.asymmetricKeyType === "ec";
  const signature = cryptoSign("sha256", toSign, options.key);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
    signatureAlgorithm: ec
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({
          algorithmId: OID.sha256WithRsa,
          algorithmParams: new asn1js.Null(),
        }),
    signature: new asn1js.OctetString({ valueHex: toAb(signature) }),
  });
  if (options.timestamp) {
    const token = await options.timestamp(signature);
    const parsed = asn1js.fromBER(token);
    if (parsed.offset === -1) throw new Error("unreadable timestamp token");
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.signatureTimeStampToken, parsed.result)],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: [options.certificate, ...options.chain].map(parseCertificate),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(false),
  });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}
