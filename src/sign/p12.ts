/**
 * Reads a PKCS#12 file (.p12/.pfx) in memory: the private key as a node:crypto KeyObject, the
 * certificate that belongs to it and every other certificate in the file, as DER.
 *
 * node-forge decrypts the file (it reads both the legacy PKCS#12 encryption and PBES2, which
 * WebCrypto-based readers do not), but its parsed certificates re-encode UTF-8 names twice when
 * written out field by field: an issuer like "CN=Åsa Öberg" would no longer match. So each
 * certificate is taken as forge read it, from its original TBSCertificate, and the CMS is built
 * from those bytes (pkijs keeps names byte for byte). Nothing is written to disk: the key goes
 * from forge to node:crypto as a PEM string in memory.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import forge from "node-forge";

export class P12Error extends Error {}

export interface P12Contents {
  key: KeyObject;
  /** The signer's certificate (DER, byte for byte as in the file). */
  certificate: Buffer;
  /** The other certificates in the file (the issuing chain, when the file carries it). */
  chain: Buffer[];
}

const certificateDer = (cert: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");

/** Opens a PKCS#12 file; throws P12Error with a Swedish message (never with the passphrase). */
export function readP12(p12: Uint8Array, passphrase: string): P12Contents {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary"))),
      false,
      passphrase,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    throw new P12Error(
      /MAC could not be verified|Invalid password|decrypt/i.test(message)
        ? "Fel lösenfras för PKCS#12-filen (eller så är filen skadad)."
        : "Filen kunde inte läsas som PKCS#12 (.p12/.pfx).",
    );
  }
  const bags = (type: string | undefined) =>
    type === undefined ? [] : (pfx.getBags({ bagType: type })[type] ?? []);
  const forgeKey = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)][0]
    ?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) throw new P12Error("PKCS#12-filen innehåller ingen privat RSA-nyckel.");
  const certificates = bags(forge.pki.oids.certBag)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  const mine = certificates.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(forgeKey.n) === 0 && pub.e?.compareTo(forgeKey.e) === 0;
  });
  if (!mine) {
    throw new P12Error("PKCS#12-filen har inget certifikat som hör till den privata nyckeln.");
  }
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const certificate = certificateDer(mine);
  try {
    new X509Certificate(certificate);
  } catch {
    throw new P12Error("Certifikatet i PKCS#12-filen kan inte läsas.");
  }
  return {
    key,
    certificate,
    chain: certificates.filter((c) => c !== mine).map(certificateDer),
  };
}
