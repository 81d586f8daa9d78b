// A real OpenLDAP server (Debian's slapd) for tests: a private config and database in a temp
// directory, seeded with a small directory, listening on a loopback port. No systemd.
import { freePort } from "./free-port";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const LDAP_BASE = "dc=facet,dc=test";
export const LDAP_ADMIN = `cn=admin,${LDAP_BASE}`;
export const LDAP_ADMIN_PASSWORD = "ldap-admin-secret";

export const LDAP_PEOPLE = [
  { uid: "ada", cn: "Ada Lovelace", mail: "ada@facet.test", password: "ada-ldap-password" },
  { uid: "grace", cn: "Grace Hopper", mail: "grace@facet.test", password: "grace-ldap-password" },
  // Signs in only through the StartTLS source: a directory user is bound to the first source.
  { uid: "katherine", cn: "Katherine Johnson", mail: "katherine@facet.test", password: "katherine-ldap-password" },
];

export interface Slapd {
  url: string;
  /** With `tls`: the PEM of the private CA that signed slapd's certificate (for 127.0.0.1). */
  caPem: string | null;
  stop(): Promise<void>;
}

/** A throwaway CA and a server certificate for 127.0.0.1 it signed, made with openssl. */
function makeCertificates(dir: string) {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=Facet Test CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  );
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=127.0.0.1",
    "-keyout",
    file("server.key"),
    "-out",
    file("server.csr"),
  );
  writeFileSync(file("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-days",
    "2",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-extfile",
    file("san.cnf"),
    "-out",
    file("server.pem"),
  );
  return { ca: file("ca.pem"), cert: file("server.pem"), key: file("server.key") };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });
}

const hash = (password: string) => execFileSync("slappasswd", ["-s", password], { encoding: "utf8" }).trim();

/** With `tls`, slapd also offers StartTLS with a certificate from a private CA. */
export async function startSlapd(options: { tls?: boolean } = {}): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), "facet-slapd-"));
  mkdirSync(join(dir, "data"));
  const conf = join(dir, "slapd.conf");
  const certs = options.tls ? makeCertificates(dir) : null;
  writeFileSync(
    conf,
    [
      ...["core", "cosine", "nis", "inetorgperson"].map((s) => `include /etc/ldap/schema/${s}.schema`),
      `pidfile ${join(dir, "slapd.pid")}`,
      ...(certs
        ? [`TLSCACertificateFile ${certs.ca}`, `TLSCertificateFile ${certs.cert}`, `TLSCertificateKeyFile ${certs.key}`]
        : []),
      "modulepath /usr/lib/ldap",
      "moduleload back_mdb",
      "database mdb",
      `suffix "${LDAP_BASE}"`,
      `rootdn "${LDAP_ADMIN}"`,
      `rootpw ${hash(LDAP_ADMIN_PASSWORD)}`,
      `directory ${join(dir, "data")}`,
      "access to attrs=userPassword by anonymous auth by self write by * none",
      "access to * by * read",
      "",
    ].join("\n"),
  );
  const people = LDAP_PEOPLE.map((p) =>
    [
      `dn: uid=${p.uid},ou=people,${LDAP_BASE}`,
      "objectClass: inetOrgPerson",
      `uid: ${p.uid}`,
      `cn: ${p.cn}`,
      `sn: ${p.cn.split(" ").at(-1)}`,
      `mail: ${p.mail}`,
      `userPassword: ${hash(p.password)}`,
    ].join("\n"),
  );
  const ldif = [
    [`dn: ${LDAP_BASE}`, "objectClass: dcObject", "objectClass: organization", "o: Facet test", "dc: facet"].join("\n"),
    [`dn: ou=people,${LDAP_BASE}`, "objectClass: organizationalUnit", "ou: people"].join("\n"),
    ...people,
  ].join("\n\n");
  writeFileSync(join(dir, "seed.ldif"), `${ldif}\n`);
  execFileSync("slapadd", ["-f", conf, "-l", join(dir, "seed.ldif")], { stdio: "pipe" });

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d keeps slapd in the foreground, so the test owns the process.
  const child: ChildProcess = spawn("slapd", ["-f", conf, "-h", `${url}/`, "-d", "0"], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("slapd did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    caPem: certs ? readFileSync(certs.ca, "utf8") : null,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
