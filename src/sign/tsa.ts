/**
 * RFC 3161 signature timestamps: a TimeStampReq for the SHA-256 of a signature value, sent to a
 * time-stamping authority over HTTP(S) (RFC 3161 3.4: POST, application/timestamp-query), and the
 * TimeStampResp checked before its token is used: status granted, the token's message imprint
 * equal to what was asked for, and the nonce echoed.
 */
import { randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID, sha256 } from "./cms.js";

export class TsaError extends Error {}

/** A timestamp reply is a few kilobytes; anything above this is no reply. */
const MAX_REPLY_BYTES = 1024 * 1024;

const toAb = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A TimeStampReq for the SHA-256 `imprint` with `nonce`, asking for the TSA's certificate. */
function timestampRequest(imprint: Uint8Array, nonce: Uint8Array): pkijs.TimeStampReq {
  return new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toAb(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toAb(nonce) }),
    certReq: true,
  });
}

/** POSTs the request to the TSA and returns its reply's bytes; any failure is a TsaError. */
async function postRequest(url: string, request: pkijs.TimeStampReq): Promise<Buffer> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query" },
      body: Buffer.from(request.toSchema().toBER()),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new TsaError(`tidsstämpeltjänsten ${url} svarade med HTTP ${response.status}`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > MAX_REPLY_BYTES) {
      throw new TsaError(`tidsstämpeltjänsten ${url} svarade med för mycket data`);
    }
    return body;
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError(`tidsstämpeltjänsten ${url} kunde inte nås`);
  }
}

/**
 * The TSTInfo of a granted TimeStampResp, and the certificates its token carries; a reply that
 * is refused or cannot be read is a TsaError.
 */
function readReply(url: string, body: Buffer): { tstInfo: pkijs.TSTInfo; certificates: Buffer[] } {
  try {
    const reply = pkijs.TimeStampResp.fromBER(toAb(body));
    if (reply.status.status > 1 || !reply.timeStampToken) {
      const text = reply.status.statusStrings?.map((s) => s.valueBlock.value).join(" ") ?? "";
      throw new TsaError(
        `tidsstämpeltjänsten ${url} gav ingen tidsstämpel (status ${reply.status.status}${text ? `: ${text}` : ""})`,
      );
    }
    const signed = new pkijs.SignedData({ schema: reply.timeStampToken.content });
    const content = signed.encapContentInfo.eContent;
    if (signed.encapContentInfo.eContentType !== OID.tstInfo || !content) {
      throw new TsaError(`svaret från ${url} är ingen tidsstämpel`);
    }
    const tstInfo = pkijs.TSTInfo.fromBER(content.getValue());
    const certificates = (signed.certificates ?? [])
      .filter((c) => c instanceof pkijs.Certificate)
      .map((c) => Buffer.from(c.toSchema(false).toBER()));
    return { tstInfo, certificates };
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError(`svaret från tidsstämpeltjänsten ${url} kan inte läsas`);
  }
}

/** Throws unless the token's message imprint is what was asked for and the nonce is echoed. */
function checkTstInfo(url: string, tstInfo: pkijs.TSTInfo, imprint: Buffer, nonce: Buffer): void {
  const imprinted = Buffer.from(tstInfo.messageImprint.hashedMessage.getValue());
  if (!imprinted.equals(imprint)) {
    throw new TsaError(`tidsstämpeln från ${url} gäller inte den här underskriften`);
  }
  const echoed = tstInfo.nonce ? Buffer.from(tstInfo.nonce.valueBlock.valueHexView) : undefined;
  if (!echoed?.equals(nonce)) {
    throw new TsaError(`tidsstämpeln från ${url} har inte det nonce som begärdes`);
  }
}

/** Fetches a timestamp token (DER ContentInfo) over `signatureValue` from the TSA at `url`. */
export async function fetchTimestamp(
  url: string,
  signatureValue: Uint8Array,
): Promise<{ token: Buffer; certificates: Buffer[] }> {
  const imprint = sha256(signatureValue);
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 1; // a positive INTEGER, minimally encoded
  const body = await postRequest(url, timestampRequest(imprint, nonce));
  const { tstInfo, certificates } = readReply(url, body);
  checkTstInfo(url, tstInfo, imprint, nonce);
  // The token exactly as the TSA sent it (re-encoding could break its signature).
  const raw = asn1js.fromBER(toAb(body)).result as asn1js.Sequence;
  const tokenBlock = raw.valueBlock.value[1];
  if (!tokenBlock) throw new TsaError(`svaret från tidsstämpeltjänsten ${url} kan inte läsas`);
  return { token: Buffer.from(tokenBlock.valueBeforeDecodeView), certificates };
}
