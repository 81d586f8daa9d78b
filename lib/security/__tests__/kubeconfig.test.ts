import { existsSync, rmSync } from "node:fs";
import { load } from "js-yaml";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { kubeConfigFor, makeClient } from "@/lib/clusters/client";
import { parseKubeconfig } from "@/lib/clusters/kubeconfig";
import { probeCluster } from "@/lib/clusters/probe";
import { seal } from "@/lib/crypto/secret-box";
import { isAppError } from "@/lib/errors";
import { renderKubeconfig } from "@/lib/sandbox/credentials";
import { uniqueName } from "@/lib/testing/factories";
import { startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, sysadminToken } from "@/lib/testing/world";

// Class 4 of the security issue: importing a cluster must never run a program or read a file on
// the Facet host, whatever YAML trick carries it; and class 10 for cluster API servers.

const marker = join(tmpdir(), `facet-pwned-${process.pid}-${Date.now()}`);
const cluster = (server = "https://10.9.8.7:6443", extra = "") =>
  `clusters:\n- name: c\n  cluster:\n    server: ${server}\n${extra}`;
const context = "contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n";
const exec = `{apiVersion: client.authentication.k8s.io/v1beta1, command: /bin/sh, args: ["-c", "touch ${marker}"]}`;

const HOSTILE: Record<string, string> = {
  "exec plugin": `${cluster()}users:\n- name: u\n  user:\n    exec: ${exec}\n${context}`,
  "exec behind a merge key": `x-evil: &evil\n  exec: ${exec}\n${cluster()}users:\n- name: u\n  user:\n    <<: *evil\n    token: abc\n${context}`,
  "exec behind a merge key list": `a: &a {token: abc}\nb: &b {exec: ${exec}}\n${cluster()}users:\n- name: u\n  user:\n    <<: [*a, *b]\n${context}`,
  "exec in a user merged from an anchor": `base: &user\n  exec: ${exec}\n${cluster()}users:\n- name: u\n  user: *user\n${context}`,
  "exec in JSON form": JSON.stringify({
    clusters: [{ name: "c", cluster: { server: "https://10.9.8.7" } }],
    users: [{ name: "u", user: { exec: { command: "/bin/sh", args: ["-c", `touch ${marker}`] } } }],
    contexts: [{ name: "x", context: { cluster: "c", user: "u" } }],
    "current-context": "x",
  }),
  "auth-provider": `${cluster()}users:\n- name: u\n  user:\n    auth-provider: {name: gcp, config: {cmd-path: /bin/sh, cmd-args: "-c touch ${marker}"}}\n${context}`,
  "token-file": `${cluster()}users:\n- name: u\n  user:\n    token-file: /etc/passwd\n${context}`,
  tokenFile: `${cluster()}users:\n- name: u\n  user:\n    tokenFile: /etc/passwd\n${context}`,
  "client certificate path": `${cluster()}users:\n- name: u\n  user:\n    client-certificate: /etc/ssl/private/x.crt\n    client-key: /etc/ssl/private/x.key\n${context}`,
  "certificate authority path": `${cluster("https://10.9.8.7", "    certificate-authority: /etc/passwd\n")}users:\n- name: u\n  user: {token: abc}\n${context}`,
  "proxy-url": `${cluster("https://10.9.8.7", "    proxy-url: socks5://127.0.0.1:1080\n")}users:\n- name: u\n  user: {token: abc}\n${context}`,
  "an unknown field that a later client might honour": `${cluster()}users:\n- name: u\n  user:\n    Exec: ${exec}\n    token: abc\n${context}`,
  "a duplicate key hiding a second value": `${cluster()}users:\n- name: u\n  user:\n    token: abc\n    token: def\n${context}`,
  "a js-yaml type tag": `${cluster()}users:\n- name: u\n  user:\n    token: !!js/function "function(){}"\n${context}`,
};

afterEach(() => rmSync(marker, { force: true }));

describe("kubeconfig parsing", () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`refuses ${name}, naming the field, and runs nothing`, async () => {
      let error: unknown;
      try {
        const { kc } = parseKubeconfig(text);
        // Had it been accepted, this is where client-node would run the plugin.
        await probeCluster(makeClient("x", kc));
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.code === "VALIDATION", String(error)).toBe(true);
      expect((error as { options: { errors: { path: string }[] } }).options.errors[0].path).toBe("body.kubeconfig");
      expect(existsSync(marker)).toBe(false);
    });
  }

  it("keeps inline credentials and builds the client from exactly what was checked", () => {
    const text = `${cluster("https://api.example.com:6443/", "    certificate-authority-data: Q0E=\n    tls-server-name: api\n")}users:\n- name: u\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ\n${context}`;
    const parsed = parseKubeconfig(text);
    expect(parsed.server).toBe("https://api.example.com:6443");
    expect(parsed.kc.getCurrentUser()).toMatchObject({ certData: "Q0VSVA==", keyData: "S0VZ" });
    expect(parsed.kc.getCurrentUser()?.exec).toBeFalsy();
    expect(
      (load(parsed.sanitized) as { users: { user: Record<string, unknown> }[] }).users[0].user.exec,
    ).toBeUndefined();
  });

  it("stores a kubeconfig that parses back to exactly what was accepted", () => {
    const text = `${cluster("https://api.example.com:6443/", "    certificate-authority-data: Q0E=\n    tls-server-name: api\n    insecure-skip-tls-verify: false\n")}users:\n- name: u\n  user:\n    token: abc\n${context}`;
    const first = parseKubeconfig(text);
    const again = parseKubeconfig(first.sanitized);
    expect(again.options).toEqual(first.options);
    expect(again.sanitized).toBe(first.sanitized);
    // And a stored copy builds a client (a cluster imported yesterday still works today).
    expect(
      kubeConfigFor({
        name: "stored",
        kind: "imported",
        egressPrivateAllowed: true,
        kubeconfig: seal(first.sanitized),
      }).getCurrentCluster()?.server,
    ).toBe("https://api.example.com:6443");
  });

  it("refuses a stored kubeconfig that a newer rule forbids, without running it", async () => {
    const text = HOSTILE["exec behind a merge key"];
    expect(() =>
      kubeConfigFor({ name: "old", kind: "imported", egressPrivateAllowed: true, kubeconfig: seal(text) }),
    ).toThrow(/no longer accepted/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("importing a cluster through the API", () => {
  let sandbox: Sandbox;
  let root: string;
  const saved = process.env.FACET_EGRESS_ALLOW_LOOPBACK;
  beforeAll(async () => {
    sandbox = await startSandbox();
    root = await sysadminToken();
  });
  afterAll(async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = saved;
    await sandbox?.close();
  });
  const importing = (kubeconfig: string, extra: Record<string, unknown> = {}) =>
    api("POST", "/api/v1/clusters", { token: root, body: { name: uniqueName("imp"), kubeconfig, ...extra } });

  it("refuses every hostile kubeconfig with 422 and runs nothing", async () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const res = await importing(text);
      expect(res.status, name).toBe(422);
      expect(JSON.stringify(res.body)).toContain("body.kubeconfig");
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses API servers at metadata, link-local, unspecified, private and loopback addresses by default", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    const port = sandbox.server.port;
    for (const server of [
      "http://169.254.169.254",
      "http://[::ffff:169.254.169.254]",
      "http://[fd00:ec2::254]",
      "http://169.254.1.1:6443",
      "http://0.0.0.0:6443",
      "http://10.0.0.1:6443",
      "http://192.168.1.20:6443",
      "http://[fc00::1]:6443",
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://2130706433:${port}`,
      `http://0x7f.1:${port}`,
      `http://[::1]:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
    ]) {
      const res = await importing(renderKubeconfig({ origin: server, token: sandbox.token }));
      expect(res.status, server).toBe(422);
      expect(JSON.stringify(res.body), server).toContain("body.kubeconfig");
    }
  });

  it("reaches a private address only where a sysadmin allowed it, and loopback only when configured", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    // Allowed by policy, then simply not answering: an upstream error, not a refusal.
    const res = await importing(renderKubeconfig({ origin: "http://10.255.255.1:6443", token: "fsb_x" }), {
      allowPrivateAddresses: true,
    });
    expect(res.status).toBe(502);
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "1";
    const ok = await importing(renderKubeconfig({ origin: sandbox.server.origin, token: sandbox.token }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});
