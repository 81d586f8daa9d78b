import type { RowDataPacket } from "mysql2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNamespaceCleanups } from "@/lib/clusters/reconcile/cleanup-namespaces";
import { getPool } from "@/lib/db/client";
import { purgeDeletedEnvironments, watchDeletedEnvironments } from "@/lib/telemetry/store/purge-deleted";
import type {
  ApmResult,
  LogSearchResult,
  MetricNamesResult,
  MetricQueryResult,
  TraceSearchResult,
} from "@/lib/telemetry/schemas";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { otlpGauge, otlpLogs, otlpTraces, postOtlp, spanId, traceId } from "@/lib/testing/telemetry-world";
import { api, expectOk, person, smallQuota, sysadminToken } from "@/lib/testing/world";

// Class 5 of the security issue: telemetry belongs to an environment, not to a namespace name.
// A tenant that later gets an environment on the same namespace (re-created by name, or a
// namespace a cluster token wrote to before any environment owned it) reads none of the older
// data, by any signal or route; deleting an environment seals its telemetry at once and the
// background purge removes every row.

const now = Date.now();
const window = `start=${now - 3600_000}&end=${now + 60_000}`;

interface Env {
  path: string;
  namespace: string;
  token: string;
  id: number;
}

describe("telemetry belongs to the environment, not the namespace name", () => {
  let server: RouteServer;
  let sandbox: Sandbox;
  let root: string;
  let clusterToken: string;
  let tenantAdmin: string;
  let base: string;

  const createEnv = async (name: string, namespace?: string): Promise<Env> => {
    const created = await expectOk<{ namespace: string }>(
      api("POST", `${base}/projects/shop/environments`, {
        token: root,
        body: { name, type: "dev", cluster: "sandbox", quota: smallQuota, ...(namespace ? { namespace } : {}) },
      }),
      201,
    );
    const path = `${base}/projects/shop/environments/${name}`;
    const { token } = await expectOk<{ token: string }>(
      api("POST", `${path}/ingest-tokens`, { token: root, body: { name: uniqueName("t") } }),
      201,
    );
    const [rows] = await getPool().query<RowDataPacket[]>(
      "SELECT id FROM environments WHERE namespace = ? AND cluster_id = (SELECT id FROM clusters WHERE name = 'sandbox')",
      [created.namespace],
    );
    return { path, namespace: created.namespace, token, id: Number(rows[0].id) };
  };
  const deleteEnv = async (e: Env) => expect((await api("DELETE", e.path, { token: root })).status).toBe(204);

  /** Writes one of everything: a trace with an entry span (so an APM rollup), a log, a gauge. */
  const writeAll = async (token: string, tag: string, resource: Record<string, string> = {}) => {
    const id = traceId();
    const res = { "service.name": `svc-${tag}`, ...resource };
    const post = async (signal: "traces" | "logs" | "metrics", body: unknown) =>
      expect((await postOtlp(server.origin, signal, token, body)).body, signal).toEqual({});
    await post(
      "traces",
      otlpTraces(res, [
        {
          traceId: id,
          spanId: spanId(),
          name: `GET /${tag}`,
          startMs: now - 60_000,
          durationMs: 12,
          attributes: { "user.id": `user-${tag}` },
        },
      ]),
    );
    await post("logs", otlpLogs(res, [{ timeMs: now - 59_000, body: `log line ${tag} 秘密`, traceId: id }]));
    await post("metrics", otlpGauge(res, `gauge_${tag}`, now - 120_000, [1, 2]));
    return id;
  };

  /** Everything an environment shows through every telemetry read route. */
  const seenBy = async (e: Env, token = root) => {
    const get = <T>(path: string) => expectOk<T>(api("GET", `${e.path}/${path}`, { token }));
    const traces = await get<TraceSearchResult>(`traces?${window}&limit=100`);
    const byUser = await get<TraceSearchResult>(`traces?${window}&attr.user.id=user-old`);
    const logs = await get<LogSearchResult>(`logs?${window}&limit=100`);
    const logsByText = await get<LogSearchResult>(`logs?${window}&q=${encodeURIComponent("秘密")}`);
    const names = await get<MetricNamesResult>("metrics/names");
    const gauge = await get<MetricQueryResult>(`metrics?metric=gauge_old&${window}`);
    const apm = await get<ApmResult>(`apm/services?${window}`);
    return {
      traces: traces.traces.map((t) => t.traceId),
      byUser: byUser.traces.map((t) => t.traceId),
      logs: logs.logs.map((l) => l.body),
      logsByText: logsByText.logs.map((l) => l.body),
      metrics: names.metrics.map((m) => m.name),
      gaugeSeries: gauge.series.length,
      services: apm.rows.map((r) => r.service),
    };
  };

  const rowsOf = async (environmentId: number) => {
    const [ns] = await getPool().query<RowDataPacket[]>(
      "SELECT id FROM telemetry_namespaces WHERE environment_id = ?",
      [environmentId],
    );
    const ids = ns.map((r) => Number(r.id));
    if (!ids.length) return { identities: 0, spans: 0, logs: 0, series: 0, points: 0, rollups: 0, resources: 0 };
    const count = async (sql: string) => Number((await getPool().query<RowDataPacket[]>(sql, [ids]))[0][0].n);
    return {
      identities: ids.length,
      spans: await count("SELECT COUNT(*) n FROM telemetry_spans WHERE ns_id IN (?)"),
      logs: await count("SELECT COUNT(*) n FROM telemetry_logs WHERE ns_id IN (?)"),
      series: await count("SELECT COUNT(*) n FROM telemetry_metric_series WHERE ns_id IN (?)"),
      points: await count(
        "SELECT COUNT(*) n FROM telemetry_metric_points p JOIN telemetry_metric_series s ON s.id = p.series_id WHERE s.ns_id IN (?)",
      ),
      rollups: await count("SELECT COUNT(*) n FROM telemetry_apm_rollups WHERE ns_id IN (?)"),
      resources: await count("SELECT COUNT(*) n FROM telemetry_resources WHERE ns_id IN (?)"),
    };
  };

  beforeAll(async () => {
    server = await startRouteServer();
    // The sandbox's Kubernetes API, so a deleted environment's namespace cleanup can run.
    sandbox = await startSandbox();
    process.env.FACET_INTERNAL_URL = sandbox.server.origin;
    root = await sysadminToken();
    const tenant = uniqueName("tid");
    base = `/api/v1/tenants/${tenant}`;
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
    await expectOk(
      api("PUT", `${base}/quotas/sandbox`, {
        token: root,
        body: { cpu: "8", memory: "16Gi", storage: "80Gi", pods: "80" },
      }),
    );
    await expectOk(api("POST", `${base}/projects`, { token: root, body: { name: "shop" } }), 201);
    const admin = await person("tadmin");
    await expectOk(
      api("POST", `${base}/members`, { token: root, body: { username: admin.username, role: "admin" } }),
      201,
    );
    tenantAdmin = admin.token;
    clusterToken = (
      await expectOk<{ token: string }>(
        api("POST", "/api/v1/clusters/sandbox/ingest-tokens", { token: root, body: { name: uniqueName("ct") } }),
        201,
      )
    ).token;
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it("a re-created environment on the same namespace sees none of the deleted one's traces, logs, metrics or APM", async () => {
    const old = await createEnv("reused");
    const oldTrace = await writeAll(old.token, "old");
    // A cluster token naming the namespace writes for the environment that owns it now.
    const viaCluster = await writeAll(clusterToken, "old", {
      "k8s.namespace.name": old.namespace,
      "service.name": "svc-cluster",
    });
    const before = await seenBy(old);
    expect(before.traces.sort()).toEqual([oldTrace, viaCluster].sort());
    expect(before.byUser).toHaveLength(2);
    expect(before.logsByText).toHaveLength(2);
    expect(before.metrics).toContain("gauge_old");
    expect(before.services.sort()).toEqual(["svc-cluster", "svc-old"]);

    await deleteEnv(old);
    // Facet created the namespace, so its cleanup deletes it; once the cleanup is done and
    // forgotten (its grace period over), the name is free again.
    await runNamespaceCleanups(Date.now() + 3_600_000);
    const successor = await createEnv("reused", old.namespace);
    expect(successor.namespace).toBe(old.namespace);
    expect(successor.id).not.toBe(old.id);
    // Sealed by the delete itself: nothing shows, whether or not the background purge ran yet.
    expect(await seenBy(successor)).toEqual({
      traces: [],
      byUser: [],
      logs: [],
      logsByText: [],
      metrics: [],
      gaugeSeries: 0,
      services: [],
    });
    expect(await seenBy(successor, tenantAdmin)).toEqual({
      traces: [],
      byUser: [],
      logs: [],
      logsByText: [],
      metrics: [],
      gaugeSeries: 0,
      services: [],
    });
    for (const id of [oldTrace, viaCluster]) {
      expect((await api("GET", `/api/v1/traces/${id}`, { token: root })).status, "by id, even for a sysadmin").toBe(
        404,
      );
      expect(
        (await api("GET", `/api/v1/traces/${id}`, { token: tenantAdmin })).status,
        "by id, for the tenant's admin",
      ).toBe(404);
      expect(
        (await api("GET", `${successor.path}/traces/${id}`, { token: root })).status,
        "by id in the environment",
      ).toBe(404);
      expect((await api("GET", `/api/v1/traces/${id}/logs`, { token: root })).status, "its logs by trace id").toBe(404);
    }

    // The successor's own writes are its own, through its token or the cluster's.
    const fresh = await writeAll(successor.token, "new");
    const freshViaCluster = await writeAll(clusterToken, "new", {
      "k8s.namespace.name": successor.namespace,
      "service.name": "svc-cluster-new",
    });
    const after = await seenBy(successor);
    expect(after.traces.sort()).toEqual([fresh, freshViaCluster].sort());
    expect(after.byUser).toEqual([]);
    expect(after.logs.length).toBeGreaterThan(0);
    expect(after.logs.every((body) => body.includes(" new "))).toBe(true);
    expect(after.metrics).toEqual(["gauge_new"]);
    expect(after.gaugeSeries).toBe(0);
    expect(after.services.sort()).toEqual(["svc-cluster-new", "svc-new"]);
    await deleteEnv(successor);
  });

  it("what a cluster token wrote before any environment owned the namespace stays out of a later environment", async () => {
    const name = `early-${uniqueName("e").slice(-6)}`;
    const namespace = `${base.split("/").pop()}-${name}`;
    const early = await writeAll(clusterToken, "old", { "k8s.namespace.name": namespace });
    const env = await createEnv(name);
    expect(env.namespace).toBe(namespace);
    expect(await seenBy(env)).toEqual({
      traces: [],
      byUser: [],
      logs: [],
      logsByText: [],
      metrics: [],
      gaugeSeries: 0,
      services: [],
    });
    expect((await api("GET", `${env.path}/traces/${early}`, { token: tenantAdmin })).status).toBe(404);
    expect((await api("GET", `/api/v1/traces/${early}`, { token: tenantAdmin })).status).toBe(404);
    // The sysadmin still finds it by id: it is unowned, not lost.
    expect((await api("GET", `/api/v1/traces/${early}`, { token: root })).status).toBe(200);
    await deleteEnv(env);
  });

  it("deleting an environment purges every row of its telemetry in the background, and only its rows", async () => {
    // The receiver starts the watch with its first export; the server process does at start.
    watchDeletedEnvironments();
    const keep = await createEnv("kept");
    const gone = await createEnv("gone");
    await writeAll(keep.token, "old");
    await writeAll(gone.token, "old");
    await writeAll(clusterToken, "old", { "k8s.namespace.name": gone.namespace, "service.name": "svc-cluster" });
    const stored = await rowsOf(gone.id);
    for (const [kind, n] of Object.entries(stored)) expect(n, kind).toBeGreaterThan(0);
    const kept = await rowsOf(keep.id);
    // Nothing but the delete itself starts the purge.
    await deleteEnv(gone);
    const deadline = Date.now() + 20_000;
    while ((await rowsOf(gone.id)).identities && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await rowsOf(gone.id)).toEqual({
      identities: 0,
      spans: 0,
      logs: 0,
      series: 0,
      points: 0,
      rollups: 0,
      resources: 0,
    });
    expect(await rowsOf(keep.id)).toEqual(kept);
    expect((await seenBy(keep)).traces).toHaveLength(1);
    await deleteEnv(keep);
  });

  it("rows written for an environment that no longer exists are sealed at once and swept by the purge", async () => {
    const { ingestTraces } = await import("@/lib/telemetry/ingest/ingest-traces");
    const { ingestLogs } = await import("@/lib/telemetry/ingest/ingest-logs");
    const { decodeLogsJson, decodeTracesJson } = await import("@/lib/telemetry/otlp/decode-json");
    const live = await createEnv("live");
    const [[max]] = await getPool().query<RowDataPacket[][]>("SELECT MAX(id) n FROM environments");
    const ghost = Number((max as RowDataPacket).n) + 1000;
    const [[cluster]] = await getPool().query<RowDataPacket[][]>("SELECT id FROM clusters WHERE name = 'sandbox'");
    // As a writer with a stale id would (an environment token cached across its delete).
    const stale = {
      tokenId: 0,
      clusterId: Number((cluster as RowDataPacket).id),
      pinnedNamespace: live.namespace,
      environmentId: ghost,
    };
    const id = traceId();
    await ingestTraces(
      stale,
      decodeTracesJson(
        otlpTraces({ "service.name": "ghost" }, [
          { traceId: id, spanId: spanId(), name: "GET /ghost", startMs: now - 30_000, durationMs: 3 },
        ]),
      ),
    );
    await ingestLogs(
      stale,
      decodeLogsJson(
        otlpLogs({ "service.name": "ghost" }, [{ timeMs: now - 29_000, body: "ghost line", traceId: id }]),
      ),
    );
    expect((await rowsOf(ghost)).spans).toBe(1);
    expect(await seenBy(live)).toEqual({
      traces: [],
      byUser: [],
      logs: [],
      logsByText: [],
      metrics: [],
      gaugeSeries: 0,
      services: [],
    });
    for (const token of [root, tenantAdmin]) {
      expect((await api("GET", `/api/v1/traces/${id}`, { token })).status).toBe(404);
      expect((await api("GET", `${live.path}/traces/${id}`, { token })).status).toBe(404);
    }
    const purged = await purgeDeletedEnvironments();
    expect(purged.identities).toBeGreaterThanOrEqual(1);
    expect(purged.spans).toBeGreaterThanOrEqual(1);
    expect(purged.logs).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(ghost)).toEqual({
      identities: 0,
      spans: 0,
      logs: 0,
      series: 0,
      points: 0,
      rollups: 0,
      resources: 0,
    });
    expect(await purgeDeletedEnvironments()).toEqual({ identities: 0, spans: 0, logs: 0, points: 0, rollups: 0 });
    await deleteEnv(live);
  });

  it("an environment token of a deleted environment no longer writes anywhere a reader could see", async () => {
    const env = await createEnv("revoked");
    await deleteEnv(env);
    await purgeDeletedEnvironments();
    const after = await createEnv("revoked");
    const res = await postOtlp(
      server.origin,
      "traces",
      env.token,
      otlpTraces({ "service.name": "ghost" }, [
        { traceId: traceId(), spanId: spanId(), name: "ghost", startMs: now - 1000, durationMs: 1 },
      ]),
    );
    expect(res.status).toBe(401);
    expect((await seenBy(after)).traces).toEqual([]);
    await deleteEnv(after);
  });
});
