import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, ingestTokens } from "@/lib/db/schema";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import { forgetIngestToken, hashIngestToken } from "../ingest/token-auth";
import type { IngestTokenDto } from "../schemas";

describe("ingest tokens", () => {
  let server: RouteServer;
  let w: TelemetryWorld;

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("tok");
  });
  afterAll(async () => server?.close());

  it("are shown once, stored as a hash, listed without the secret, and audited", async () => {
    const made = await expectOk<IngestTokenDto & { token: string }>(
      api("POST", `${w.env("a")}/ingest-tokens`, { token: w.root, body: { name: "checkout" } }),
      201,
    );
    expect(made.token).toMatch(/^fit_/);
    expect(made).toMatchObject({ name: "checkout", namespace: w.namespace("a"), cluster: "sandbox", revokedAt: null });
    const [row] = await getDb().select().from(ingestTokens).where(eq(ingestTokens.id, made.id));
    expect(row.tokenHash).toBe(hashIngestToken(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const list = await expectOk<{ items: IngestTokenDto[] }>(
      api("GET", `${w.env("a")}/ingest-tokens`, { token: w.root }),
    );
    expect(list.items.map((t) => t.id)).toContain(made.id);
    expect(JSON.stringify(list)).not.toContain(made.token);
    const other = await expectOk<{ items: IngestTokenDto[] }>(
      api("GET", `${w.env("b")}/ingest-tokens`, { token: w.root }),
    );
    expect(other.items.map((t) => t.id)).not.toContain(made.id);
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "ingest-tokens.create"), like(auditLogs.target, `%/ingest-tokens/${made.id}`)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].diff)).not.toContain(made.token);
  });

  it("may not be made or listed by an environment reader, nor seen by another tenant", async () => {
    expect(
      (await api("POST", `${w.env("a")}/ingest-tokens`, { token: w.reader.token, body: { name: "x" } })).status,
    ).toBe(403);
    expect((await api("GET", `${w.env("a")}/ingest-tokens`, { token: w.reader.token })).status).toBe(403);
    expect((await api("GET", `${w.env("a")}/ingest-tokens`, { token: w.outsider.token })).status).toBe(404);
    expect(
      (await api("POST", "/api/v1/clusters/sandbox/ingest-tokens", { token: w.reader.token, body: { name: "x" } }))
        .status,
    ).toBe(403);
    const refused = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "ingest-tokens.create"),
          eq(auditLogs.result, "failure"),
          eq(auditLogs.actor, w.reader.username),
        ),
      );
    expect(refused.length).toBeGreaterThan(0);
  });

  it("stop working once revoked", async () => {
    const made = await expectOk<{ id: number; token: string }>(
      api("POST", `${w.env("a")}/ingest-tokens`, { token: w.root, body: { name: "short" } }),
      201,
    );
    const body = () =>
      otlpTraces({ "service.name": "rev" }, [
        { traceId: traceId(), spanId: spanId(), name: "x", startMs: Date.now(), durationMs: 1 },
      ]);
    expect((await postOtlp(server.origin, "traces", made.token, body())).status).toBe(200);
    // Another environment cannot revoke it.
    expect((await api("DELETE", `${w.env("b")}/ingest-tokens/${made.id}`, { token: w.root })).status).toBe(404);
    expect((await api("DELETE", `${w.env("a")}/ingest-tokens/${made.id}`, { token: w.root })).status).toBe(204);
    forgetIngestToken();
    expect((await postOtlp(server.origin, "traces", made.token, body())).status).toBe(401);
    const list = await expectOk<{ items: IngestTokenDto[] }>(
      api("GET", `${w.env("a")}/ingest-tokens`, { token: w.root }),
    );
    expect(list.items.find((t) => t.id === made.id)?.revokedAt).not.toBeNull();
  });
});
