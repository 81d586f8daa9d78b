import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey } from "@/lib/testing/config-world";
import { formatDosResult, runDosAttack, type DosResult } from "@/lib/testing/dos-attack";
import { startReplica, type Replica } from "@/lib/testing/replica";
import type { RouteServer } from "@/lib/testing/route-server";
import { api, expectOk } from "@/lib/testing/world";

// The DoS acceptance line: 200 slow or huge Nacos listener requests and 32 slow OTLP uploads
// from one token leave /api/health fast (p99 ≤ 200 ms) and another tenant's exports flowing.
// The same scenario prints its numbers with `npm run bench:dos-health`. Facet runs in a process of
// its own, as in production: the test's own work (module loading, the probes' bookkeeping) is
// not the server's.

describe("health under a listener and upload flood", () => {
  let facet: Replica;
  let result: DosResult;

  beforeAll(async () => {
    const w = await buildConfigWorld("dosload");
    const key = await createConfigKey(w, "dev", "read-only");
    const token = async (env: "dev" | "test") =>
      (
        await expectOk<{ token: string }>(
          api("POST", `${w.env(env)}/ingest-tokens`, { token: w.root, body: { name: `dos-${env}` } }),
          201,
        )
      ).token;
    const [attackerToken, bystanderToken] = [await token("dev"), await token("test")];
    // Bodies must arrive within 2 s here (15 s by default), so trickled ones end within the attack.
    facet = await startReplica({ FACET_BODY_READ_TIMEOUT_MS: "2000" });
    const served = (origin: string): RouteServer => ({ origin, address: new URL(origin).host, close: async () => {} });
    result = await runDosAttack(
      { api: served(facet.api), nacos: served(facet.nacos), key, attackerToken, bystanderToken },
      { durationMs: 6_000 },
    );
    console.log(formatDosResult(result));
  }, 120_000);
  afterAll(async () => {
    await facet?.kill();
  });

  it("keeps /api/health p99 at or under 200 ms, and every probe answered", () => {
    expect(result.health.samples).toBeGreaterThan(50);
    expect(result.health.failures).toBe(0);
    expect(result.health.p99, formatDosResult(result)).toBeLessThanOrEqual(200);
  });

  it("answers the abusive listener requests with limits, not work: 400, 408 or 429, the rest held", () => {
    const statuses = Object.keys(result.listenerStatuses).map(Number);
    expect(
      statuses.every((s) => [0, 200, 400, 408, 429].includes(s)),
      JSON.stringify(result.listenerStatuses),
    ).toBe(true);
    // More than 3,000 keys: 400 before any database work (a quarter of the requests).
    expect(result.listenerStatuses[400]).toBeGreaterThanOrEqual(45);
    // Trickled bodies: 408 at the deadline; 3,000-key requests and bogus md5s past the
    // credential's 30,000 watched keys: 429.
    expect((result.listenerStatuses[408] ?? 0) + (result.listenerStatuses[429] ?? 0)).toBeGreaterThanOrEqual(60);
    expect(result.listenerStatuses[429]).toBeGreaterThanOrEqual(30);
  });

  it("lets one token hold only its share of uploads, refusing the rest, while another tenant exports", () => {
    // At most the token's 4 slots are taken (those end at the body deadline, 408); the rest are
    // refused (429), or on a loaded machine were still unanswered when the attack was cut (0).
    const { 408: admitted = 0, 429: refused = 0, 0: unanswered = 0 } = result.uploadStatuses;
    expect(admitted).toBeLessThanOrEqual(4);
    expect(refused + unanswered).toBeGreaterThanOrEqual(28);
    expect(refused).toBeGreaterThan(0);
    expect(result.bystander.sent).toBeGreaterThan(10);
    expect(result.bystander.ok).toBe(result.bystander.sent);
  });
});
