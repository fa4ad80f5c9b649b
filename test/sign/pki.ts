/**
 * A throwaway public-key infrastructure for the PAdES tests, made with openssl in a temp dir:
 * a root CA, an intermediate CA, signers issued by the intermediate (PKCS#12 files with the
 * chain), a time-stamping authority issued by the root (critical EKU timeStamping), and a CRL of
 * each CA. A small HTTP server on 127.0.0.1 answers RFC 3161 requests with `openssl ts -reply`
 * (its `[tsa]` configuration section), serves the CRLs, which the certificates name as their
 * distribution points, and answers OCSP requests for the intermediate's certificates with
 * `openssl ocsp` (the signers name it in their authority information access).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export interface Pki {
  dir: string;
  /** http://127.0.0.1:<port>/tsa */
  tsaUrl: string;
  /** PEM files: the root (the trust anchor), the intermediate and the TSA's certificate. */
  rootPem: string;
  intermediatePem: string;
  tsaPem: string;
  /** Makes a signer issued by the intermediate: its PKCS#12 (with the chain) and passphrase. */
  signer(commonName: string, name: string): { p12: Uint8Array; passphrase: string; pem: string };
  /** Revokes a signer made by `signer` and regenerates the intermediate's CRL. */
  revoke(name: string): void;
  /** Paths the server refuses (404), e.g. "/intermediate.crl" or "/ocsp", to see B-LT fall back. */
  blocked: Set<string>;
  /** Number of timestamp requests answered. */
  requests: number;
  close(): Promise<void>;
}

const quiet = { stdio: ["ignore", "ignore", "pipe"] as ["ignore", "ignore", "pipe"] };

function openssl(args: string[], env: Record<string, string> = {}): void {
  execFileSync("openssl", args, { ...quiet, env: { ...process.env, ...env } });
}

function caConfig(dir: string, name: string, url: string): string {
  const home = join(dir, name);
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, "index.txt"), "");
  writeFileSync(join(home, "crlnumber"), "01\n");
  const config = join(home, "ca.cnf");
  writeFileSync(
    config,
    `[ca]
default_ca = ca_default
[ca_default]
dir = ${home}
database = $dir/index.txt
crlnumber = $dir/crlnumber
certificate = ${join(dir, `${name}.crt`)}
private_key = ${join(dir, `${name}.key`)}
new_certs_dir = ${home}
serial = $dir/serial
default_md = sha256
default_days = 30
default_crl_days = 7
policy = policy_any
unique_subject = no
[policy_any]
commonName = supplied
[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[v3_sub_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:${url}/root.crl
[v3_signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:${url}/${name}.crl
authorityInfoAccess = OCSP;URI:${url}/ocsp
[v3_tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:${url}/${name}.crl
`,
  );
  return config;
}

export async function startPki(dir: string): Promise<Pki> {
  const crls = new Map<string, string>();
  const state = { requests: 0 };
  const blocked = new Set<string>();
  let tsaConfig = "";
  let counter = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      try {
        if (request.method === "POST" && request.url === "/tsa") {
          const n = ++counter;
          const query = join(dir, `query-${n}.tsq`);
          const reply = join(dir, `reply-${n}.tsr`);
          writeFileSync(query, Buffer.concat(chunks));
          openssl(["ts", "-reply", "-config", tsaConfig, "-queryfile", query, "-out", reply]);
          state.requests++;
          response.writeHead(200, { "Content-Type": "application/timestamp-reply" });
          response.end(readFileSync(reply));
          return;
        }
        if (blocked.has(request.url ?? "")) {
          response.writeHead(404).end();
          return;
        }
        if (request.method === "POST" && request.url === "/ocsp") {
          const n = ++counter;
          const query = join(dir, `ocsp-${n}.req`);
          const reply = join(dir, `ocsp-${n}.resp`);
          writeFileSync(query, Buffer.concat(chunks));
          openssl(
            ["ocsp", "-index", join(dir, "intermediate", "index.txt")]
              .concat(["-rsigner", file("intermediate.crt"), "-rkey", file("intermediate.key")])
              .concat([
                "-CA",
                file("intermediate.crt"),
                "-reqin",
                query,
                "-respout",
                reply,
                "-ndays",
                "1",
              ]),
          );
          response.writeHead(200, { "Content-Type": "application/ocsp-response" });
          response.end(readFileSync(reply));
          return;
        }
        const crl = crls.get(request.url ?? "");
        if (request.method === "GET" && crl) {
          response.writeHead(200, { "Content-Type": "application/pkix-crl" });
          response.end(readFileSync(crl));
          return;
        }
        response.writeHead(404).end();
      } catch {
        response.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const file = (name: string) => join(dir, name);
  /** A certificate's serial number in hex, as OpenSSL prints it. */
  const serialOf = (name: string) =>
    execFileSync("openssl", ["x509", "-in", file(`${name}.crt`), "-noout", "-serial"], {
      encoding: "utf8",
    })
      .trim()
      .replace("serial=", "");
  const rootCnf = caConfig(dir, "root", url);
  const subCnf = caConfig(dir, "intermediate", url);
  // Root: self-signed.
  openssl(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("root.key")]
      .concat(["-out", file("root.crt"), "-days", "60", "-subj", "/C=SE/O=Testrot/CN=Testrot CA"])
      .concat(["-config", rootCnf, "-extensions", "v3_ca", "-utf8"]),
  );
  const issue = (
    name: string,
    subject: string,
    issuer: "root" | "intermediate",
    extensions: string,
  ) => {
    openssl(
      ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", file(`${name}.key`)]
        .concat(["-out", file(`${name}.csr`), "-subj", subject, "-utf8"])
        .concat(["-config", issuer === "root" ? rootCnf : subCnf]),
    );
    openssl(
      ["x509", "-req", "-in", file(`${name}.csr`), "-CA", file(`${issuer}.crt`)]
        .concat(["-CAkey", file(`${issuer}.key`), "-CAcreateserial", "-days", "30", "-sha256"])
        .concat(["-extfile", issuer === "root" ? rootCnf : subCnf, "-extensions", extensions])
        .concat(["-out", file(`${name}.crt`)]),
    );
    // Recorded in the issuer's database, so it can be revoked.
    const home = join(dir, issuer);
    const serial = serialOf(name);
    const end = execFileSync(
      "openssl",
      ["x509", "-in", file(`${name}.crt`), "-noout", "-enddate"],
      {
        encoding: "utf8",
      },
    );
    const date = new Date(end.trim().replace("notAfter=", ""));
    const p = (n: number) => String(n).padStart(2, "0");
    const stamp = `${String(date.getUTCFullYear()).slice(2)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
    writeFileSync(
      join(home, "index.txt"),
      `${readFileSync(join(home, "index.txt"), "utf8")}V\t${stamp}\t\t${serial}\tunknown\t${subject}\n`,
    );
  };
  const gencrl = (name: "root" | "intermediate") => {
    const out = file(`${name}.crl`);
    openssl(["ca", "-gencrl", "-config", join(dir, name, "ca.cnf"), "-out", `${out}.pem`]);
    openssl(["crl", "-in", `${out}.pem`, "-outform", "DER", "-out", out]);
    crls.set(`/${name}.crl`, out);
  };
  issue("intermediate", "/C=SE/O=Testrot/CN=Testmellan CA", "root", "v3_sub_ca");
  issue("tsa", "/C=SE/O=Testrot/CN=Test-TSA", "root", "v3_tsa");
  gencrl("root");
  gencrl("intermediate");

  tsaConfig = file("tsa.cnf");
  writeFileSync(file("tsaserial"), "01\n");
  writeFileSync(
    tsaConfig,
    `[tsa]
default_tsa = tsa_config
[tsa_config]
serial = ${file("tsaserial")}
crypto_device = builtin
signer_cert = ${file("tsa.crt")}
certs = ${file("root.crt")}
signer_key = ${file("tsa.key")}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );

  return {
    dir,
    tsaUrl: `${url}/tsa`,
    rootPem: file("root.crt"),
    intermediatePem: file("intermediate.crt"),
    tsaPem: file("tsa.crt"),
    blocked,
    get requests() {
      return state.requests;
    },
    signer(commonName, name) {
      issue(name, `/C=SE/O=Socialförvaltningen/CN=${commonName}`, "intermediate", "v3_signer");
      const passphrase = `test-${name}-${Math.random().toString(36).slice(2)}`;
      const chain = file(`${name}-chain.pem`);
      writeFileSync(
        chain,
        readFileSync(file("intermediate.crt"), "utf8") + readFileSync(file("root.crt"), "utf8"),
      );
      openssl(
        ["pkcs12", "-export", "-inkey", file(`${name}.key`), "-in", file(`${name}.crt`)].concat([
          "-certfile",
          chain,
          "-out",
          file(`${name}.p12`),
          "-passout",
          "env:P12_PASS",
        ]),
        { P12_PASS: passphrase },
      );
      return { p12: readFileSync(file(`${name}.p12`)), passphrase, pem: file(`${name}.crt`) };
    },
    revoke(name) {
      // Marked revoked in the intermediate's database by hand ("openssl ca -revoke" compares
      // the subject as it prints it, which fails for names with å, ä, ö).
      const serial = serialOf(name);
      const index = join(dir, "intermediate", "index.txt");
      const now = new Date().toISOString().replace(/[-:T]/g, "").slice(2, 14);
      writeFileSync(
        index,
        readFileSync(index, "utf8")
          .split("\n")
          .map((line) => {
            const fields = line.split("\t");
            if (fields[3] !== serial) return line;
            return ["R", fields[1], `${now}Z`, ...fields.slice(3)].join("\t");
          })
          .join("\n"),
      );
      gencrl("intermediate");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
