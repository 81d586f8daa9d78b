import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";
import { handlePodExecUpgrade } from "../pod-exec-upgrade";

// A shell through Facet's own WebSocket endpoint, relayed to the sandbox's exec: what runs,
// who may open one, and the audit row that every accepted session leaves (and refusals do not).

const POD = `apiVersion: v1
kind: Pod
metadata: { name: box }
spec:
  containers:
    - name: main
      image: busybox
      env: [{ name: GREETING, value: hi-there }]
      resources: { requests: { cpu: 10m, memory: 16Mi }, limits: { cpu: 50m, memory: 32Mi } }
`;

interface Session {
  status: number;
  stdout: string;
  exit: Record<string, unknown> | null;
  closed: Promise<void>;
  send(text: string): void;
}

describe("pod exec over Facet's WebSocket", () => {
  let sb: Sandbox;
  let server: Server;
  let origin: string;
  let root: string;
  const t = uniqueName("exec");
  const project = `/api/v1/tenants/${t}/projects/shop`;
  const dev = `${project}/environments/shop-dev`;
  const prod = `${project}/environments/shop-prod`;
  let developer: Awaited<ReturnType<typeof person>>;
  let reader: Awaited<ReturnType<typeof person>>;
  let outsider: Awaited<ReturnType<typeof person>>;

  /** Opens the shell; resolves with the HTTP refusal, or a session once upgraded. */
  function open(env: string, query: string, headers: Record<string, string>): Promise<Session> {
    const url = `${origin.replace("http", "ws")}${env}/pods/box/exec?${query}`;
    const ws = new WebSocket(url, ["v5.channel.k8s.io"], { headers });
    return new Promise((resolve, reject) => {
      ws.on("unexpected-response", (_req, res) =>
        resolve({ status: res.statusCode ?? 0, stdout: "", exit: null, closed: Promise.resolve(), send() {} }),
      );
      ws.on("error", reject);
      ws.on("open", () => {
        const session: Session = {
          status: 101,
          stdout: "",
          exit: null,
          closed: new Promise((done) => ws.on("close", () => done())),
          send: (text) => ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(text)])),
        };
        ws.on("message", (data: Buffer) => {
          if (data[0] === 1 || data[0] === 2) session.stdout += data.subarray(1).toString();
          if (data[0] === 3) session.exit = JSON.parse(data.subarray(1).toString()) as Record<string, unknown>;
        });
        resolve(session);
      });
    });
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessions = async (env: string) =>
    (
      await getDb()
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.action, "workloads.exec"),
            eq(auditLogs.result, "success"),
            like(
              auditLogs.target,
              `%/namespace/${(await expectOk<{ namespace: string }>(api("GET", env, { token: root }))).namespace}/pods/box`,
            ),
          ),
        )
    ).length;

  beforeAll(async () => {
    sb = await startReconcilingSandbox();
    server = createServer((_req, res) => res.writeHead(404).end());
    server.on("upgrade", (req, socket, head) => {
      if (!handlePodExecUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    root = await sysadminToken();
    await tenantProject(root, t);
    await sandboxEnvironment(root, project, "shop-dev");
    await sandboxEnvironment(root, project, "shop-prod", "prod");
    [developer, reader, outsider] = await Promise.all(["dev", "reader", "outsider"].map(person));
    for (const p of [developer, reader])
      await expectOk(
        api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: p.username, role: "member" } }),
        201,
      );
    await expectOk(
      api("POST", `${project}/members`, { token: root, body: { username: developer.username, role: "dev" } }),
      201,
    );
    await expectOk(
      api("POST", `${dev}/members`, { token: root, body: { username: reader.username, role: "reader" } }),
      201,
    );
    const other = uniqueName("other");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
    await expectOk(
      api("POST", `/api/v1/tenants/${other}/members`, {
        token: root,
        body: { username: outsider.username, role: "admin" },
      }),
      201,
    );
    for (const env of [dev, prod]) {
      const { namespace } = await expectOk<{ namespace: string }>(api("GET", env, { token: root }));
      await eventually(
        async () => (await kubectl(sb, ["apply", "-n", namespace, "-f", "-"], POD)).code === 0,
        30_000,
        "pod applied",
      );
      await eventually(
        async () =>
          (await kubectl(sb, ["get", "pod", "box", "-n", namespace, "-o", "jsonpath={.status.phase}"])).stdout ===
          "Running",
        30_000,
        "pod running",
      );
    }
  }, 90_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await sb?.close();
  });

  it("runs `echo hi` and delivers hi and the exit status; leaves one audit row", async () => {
    const before = await sessions(dev);
    const s = await open(dev, "container=main&command=echo&command=hi", bearer(developer.token));
    expect(s.status).toBe(101);
    await s.closed;
    expect(s.stdout).toBe("hi\r\n");
    expect(s.exit).toMatchObject({ status: "Success" });
    expect(await sessions(dev)).toBe(before + 1);
    const [row] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "workloads.exec"), eq(auditLogs.actor, developer.username)))
      .orderBy(desc(auditLogs.id))
      .limit(1);
    expect(row.target).toMatch(/\/pods\/box$/);
    expect(row.diff).toMatchObject({ after: { container: "main", command: ["echo", "hi"] } });
  });

  it("an interactive shell: typed lines run, env is the container's, exit ends with its code", async () => {
    const s = await open(dev, "command=sh", bearer(root));
    expect(s.status).toBe(101);
    s.send("echo hello\r");
    s.send("env\r");
    s.send("exit 3\r");
    await s.closed;
    expect(s.stdout).toContain("hello\r\n");
    expect(s.stdout).toContain("GREETING=hi-there");
    expect(s.stdout).toContain("HOSTNAME=box");
    expect(s.exit).toMatchObject({ status: "Failure", reason: "NonZeroExitCode" });
  });

  it("refuses a reader, a dev in prod, another tenant's user, a cross-origin cookie and no credentials, auditing no session", async () => {
    const devBefore = await sessions(dev);
    const prodBefore = await sessions(prod);
    expect((await open(dev, "command=sh", bearer(reader.token))).status).toBe(403);
    expect((await open(prod, "command=sh", bearer(developer.token))).status).toBe(403);
    expect((await open(dev, "command=sh", bearer(outsider.token))).status).toBe(404);
    expect((await open(prod, "command=sh", bearer(outsider.token))).status).toBe(404);
    const cookie = { cookie: "authjs.session-token=anything", origin: "http://evil.example" };
    expect((await open(dev, "command=sh", cookie)).status).toBe(403);
    expect((await open(dev, "command=sh", {})).status).toBe(401);
    expect((await open(dev, "command=sh", { authorization: "Bearer nope" })).status).toBe(401);
    // Bounds on what may be asked: an unknown container, too many words, an over-long word.
    expect((await open(dev, "container=nope&command=sh", bearer(root))).status).toBe(422);
    const many = Array.from({ length: 17 }, () => "command=x").join("&");
    expect((await open(dev, many, bearer(root))).status).toBe(422);
    expect((await open(dev, `command=${"x".repeat(300)}`, bearer(root))).status).toBe(422);
    expect(await sessions(dev)).toBe(devBefore);
    expect(await sessions(prod)).toBe(prodBefore);
  });

  it("ends a session that exceeds its input bound", async () => {
    process.env.FACET_EXEC_MAX_INPUT_BYTES = "64";
    try {
      const s = await open(dev, "command=sh", bearer(root));
      for (let i = 0; i < 10; i++) s.send("echo 0123456789\r");
      await s.closed;
      expect(s.exit).toBeNull();
    } finally {
      delete process.env.FACET_EXEC_MAX_INPUT_BYTES;
    }
  });

  it("ends a session at its time bound, and refuses an oversize message", async () => {
    process.env.FACET_EXEC_MAX_SECONDS = "1";
    try {
      const started = Date.now();
      const s = await open(dev, "command=sh", bearer(root));
      await s.closed;
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(s.exit).toBeNull();
    } finally {
      delete process.env.FACET_EXEC_MAX_SECONDS;
    }
    const big = await open(dev, "command=sh", bearer(root));
    big.send("x".repeat(20 * 1024));
    await big.closed;
    expect(big.exit).toBeNull();
  });
});
