/**
 * A PKCS#12 signer for @signpdf/signpdf: @signpdf/signer-p12's P12Signer with one fix.
 *
 * node-forge, which P12Signer uses to build the PKCS#7 signature, writes the signer's issuer
 * name (SignerInfo issuerAndSerialNumber) by re-encoding the parsed name, and encodes UTF-8
 * names twice: for an issuer like "CN=Åsa Öberg" or "O=Socialförvaltningen" the name no longer
 * matches the certificate, and pdfsig (and Adobe) cannot find the signer's certificate. Here the
 * issuer is copied byte for byte from the certificate instead. The certificate itself is written
 * unchanged by forge (it keeps the original TBSCertificate), and the issuer is not part of the
 * signed attributes, so replacing it after signing is sound.
 *
 * Everything else is as in P12Signer: SHA-256, signed attributes contentType, signingTime and
 * messageDigest in that order (what EU validators expect), detached (adbe.pkcs7.detached).
 */
import { Signer } from "@signpdf/signpdf";
import forge from "node-forge";

export class P12SignerError extends Error {}

export class IopP12Signer extends Signer {
  readonly #p12: forge.util.ByteStringBuffer;
  readonly #passphrase: string;

  constructor(p12: Uint8Array, passphrase: string) {
    super();
    this.#p12 = forge.util.createBuffer(Buffer.from(p12).toString("binary"));
    this.#passphrase = passphrase;
  }

  /** The private key and the certificate that belongs to it, with every certificate in the file. */
  #open(): {
    key: forge.pki.rsa.PrivateKey;
    certificate: forge.pki.Certificate;
    all: forge.pki.Certificate[];
  } {
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(
        forge.asn1.fromDer(this.#p12.copy()),
        false,
        this.#passphrase,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      throw new P12SignerError(
        /MAC could not be verified|Invalid password|decrypt/i.test(message)
          ? "Fel lösenfras för PKCS#12-filen (eller så är filen skadad)."
          : "Filen kunde inte läsas som PKCS#12 (.p12/.pfx).",
      );
    }
    const bags = (type: string | undefined) =>
      type === undefined ? [] : (p12.getBags({ bagType: type })[type] ?? []);
    const key = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)][0]
      ?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new P12SignerError("PKCS#12-filen innehåller ingen privat RSA-nyckel.");
    const all = bags(forge.pki.oids.certBag)
      .map((bag) => bag.cert)
      .filter((c): c is forge.pki.Certificate => c !== undefined);
    const certificate = all.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
    });
    if (!certificate) {
      throw new P12SignerError(
        "PKCS#12-filen har inget certifikat som hör till den privata nyckeln.",
      );
    }
    return { key, certificate, all };
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, certificate, all } = this.#open();
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString("binary"));
    for (const cert of all) p7.addCertificate(cert);
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        // forge's types want a string; it takes a Date for signingTime.
        {
          type: forge.pki.oids.signingTime as string,
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    const asn1 = p7.toAsn1();
    replaceSignerIssuer(asn1, certificate);
    return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
  }
}

const children = (node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] =>
  Array.isArray(node?.value) ? (node.value as forge.asn1.Asn1[]) : [];

/**
 * Puts the certificate's own issuer Name into the SignerInfo. ContentInfo → [0] → SignedData →
 * signerInfos (its last element) → SignerInfo → issuerAndSerialNumber → issuer.
 */
function replaceSignerIssuer(
  contentInfo: forge.asn1.Asn1,
  certificate: forge.pki.Certificate,
): void {
  const signedData = children(children(contentInfo)[1])[0];
  const signerInfo = children(children(signedData).at(-1))[0];
  const issuerAndSerial = children(signerInfo)[1];
  // TBSCertificate: [0] version (v2/v3 only), serialNumber, signature, issuer, …
  const tbs = children(
    (certificate as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate,
  );
  const first = tbs[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const issuer = tbs[first + 2];
  if (!issuerAndSerial || !Array.isArray(issuerAndSerial.value) || !issuer) {
    throw new Error("unexpected PKCS#7 structure from node-forge");
  }
  issuerAndSerial.value[0] = issuer;
}
