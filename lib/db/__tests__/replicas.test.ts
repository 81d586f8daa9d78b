import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadAlertEvaluator } from "@/lib/alerts/evaluate/leader";
import { leadReconciler } from "@/lib/clusters/reconcile/leader";
import { md5Hex } from "@/lib/config-center/md5";
import { getDb } from "@/lib/db/client";
import { leaderships } from "@/lib/db/leadership";
import { loginFailures } from "@/lib/db/schema";
import { leadSandboxControllers } from "@/lib/sandbox/controllers/leader";
import { startRetention } from "@/lib/telemetry/store/retention";
import { buildConfigWorld, createConfigKey, nacos } from "@/lib/testing/config-world";
import { createUser, uniqueName } from "@/lib/testing/factories";
import { startReplica, type Replica } from "@/lib/testing/replica";
import { api, expectOk, person } from "@/lib/testing/world";

// Two Facet processes on one database: this test process and a replica started as another OS
// process. What one of them does must hold in the other; per-process memory only caches.
const LOOPS = ["reconciler", "telemetry-retention", "sandbox-controllers", "alert-evaluator"];
const heldHere = () =>
  leaderships()
    .filter((l) => l.isLeader())
    .map((l) => l.name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("two replicas on one database", () => {
  let replica: Replica;
  beforeAll(async () => {
    replica = await startReplica({ FACET_LEADER_RETRY_MS: "300" });
  }, 90_000);
  afterAll(async () => {
    await replica?.kill();
    await Promise.all(leaderships().map((l) => l.resign()));
    await getDb().delete(loginFailures);
  });

  it("a token revoked in one process is refused by the other on its next request", async () => {
    const me = await person("replica");
    const made = await expectOk<{ id: number; token: string }>(
      api("POST", "/api/v1/me/tokens", { token: me.token, body: { name: "script" } }),
      201,
    );
    const there = () =>
      fetch(`${replica.api}/api/v1/me`, { headers: { authorization: `Bearer ${made.token}` } }).then((r) => r.status);
    expect(await there()).toBe(200);
    expect(await there()).toBe(200); // now from the replica's cache
    expect((await api("DELETE", `/api/v1/me/tokens/${made.id}`, { token: me.token })).status).toBe(204);
    expect(await there()).toBe(401);
  });

  it("failed sign-ins in one process throttle the account in the other", async () => {
    const user = await createUser({ username: uniqueName("throttled"), password: "the-right-password" });
    for (let i = 0; i < 10; i++)
      expect(
        (await api("POST", "/api/v1/login", { body: { username: user.username, password: "a-wrong-password" } }))
          .status,
      ).toBe(401);
    const there = await fetch(`${replica.api}/api/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.username, password: "the-right-password" }),
    });
    expect(there.status).toBe(429);
    expect(Number(there.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a config published in one process wakes a listener held by the other", async () => {
    const w = await buildConfigWorld("replica");
    const key = await createConfigKey(w, "dev", "read-write");
    const path = `${w.env("dev")}/configs/app.properties`;
    await expectOk(api("PUT", path, { token: w.root, body: { content: "a=1\n", type: "properties" } }));
    const probe = `app.properties\u0002${key.group}\u0002${md5Hex("a=1\n")}\u0002${key.namespace}\u0001`;
    const held = nacos(
      replica.nacos,
      "POST",
      "/v1/cs/configs/listener",
      { "Listening-Configs": probe, username: key.username, password: key.password },
      { "Long-Pulling-Timeout": "20000" },
    );
    await sleep(1_000); // the replica holds the request
    const published = Date.now();
    await expectOk(api("PUT", path, { token: w.root, body: { content: "a=2\n", type: "properties" } }));
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(decodeURIComponent(answer.text)).toContain("app.properties");
    expect(Date.now() - published).toBeLessThan(5_000);
  }, 30_000);

  it("runs each background loop in exactly one of the two, and the survivor takes over", async () => {
    leadReconciler();
    startRetention();
    leadSandboxControllers();
    leadAlertEvaluator();
    await sleep(1_500);
    const there = await replica.leaders();
    for (const name of LOOPS)
      expect([heldHere().includes(name), there.includes(name)].filter(Boolean), name).toHaveLength(1);
    await replica.kill(); // as a crash: its connections, and with them its locks, go
    for (const end = Date.now() + 15_000; !LOOPS.every((n) => heldHere().includes(n)) && Date.now() < end;)
      await sleep(100);
    expect(heldHere().sort()).toEqual([...LOOPS].sort());
  }, 40_000);
});
