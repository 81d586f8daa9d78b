import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { alertChannels, alertDeliveries, notifications } from "@/lib/db/schema";
import { eventually } from "@/lib/testing/sandbox-harness";
import { api, expectOk } from "@/lib/testing/world";
import { leadAlertDispatcher } from "../leader";
import { purgeDeliveries } from "../purge-deliveries";
import { alertOf, channelWorld, enqueue, type ChannelWorld } from "../testing/channel-world";
import { startHttpReceiver, type HttpReceiver } from "../testing/receivers";

// The dispatcher as the server runs it: the leader's loop sends what is queued without anyone
// calling it, and stops when it resigns. Old finished deliveries and notifications are purged.

let w: ChannelWorld;
let hook: HttpReceiver;
const saved = process.env.FACET_ALERT_DISPATCH_MS;

beforeAll(async () => {
  process.env.FACET_ALERT_DISPATCH_MS = "100";
  [w, hook] = await Promise.all([channelWorld("lead"), startHttpReceiver()]);
  await expectOk(
    api("POST", `/api/v1/tenants/${w.tenant}/alert-channels`, {
      token: w.admin.token,
      body: { name: "hook", kind: "webhook", config: { url: `${hook.url}/lead` } },
    }),
    201,
  );
}, 60_000);
afterAll(async () => {
  process.env.FACET_ALERT_DISPATCH_MS = saved;
  await hook?.close();
});

describe("the dispatcher's leader loop", () => {
  it("sends queued deliveries on its own, and nothing after it resigns", async () => {
    const leadership = leadAlertDispatcher();
    try {
      await eventually(async () => leadership.isLeader(), 10_000, "leadership");
      await enqueue([alertOf(w, [{ channel: "hook", scope: "tenant" }], { ruleName: "LoopRule" })]);
      await eventually(
        async () => hook.received.some((r) => r.body.groupLabels?.alertname === "LoopRule"),
        10_000,
        "delivery",
      );
    } finally {
      await leadership.resign();
    }
    await enqueue([alertOf(w, [{ channel: "hook", scope: "tenant" }], { ruleName: "AfterResign" })]);
    await new Promise((r) => setTimeout(r, 500));
    expect(hook.received.some((r) => r.body.groupLabels?.alertname === "AfterResign")).toBe(false);
  });
});

describe("purge", () => {
  it("drops finished deliveries after 7 days and read notifications after 30, keeps the rest", async () => {
    const [channel] = await getDb().select().from(alertChannels).where(eq(alertChannels.owner, w.tenantId));
    const old = new Date(Date.now() - 8 * 86_400_000);
    const ids = [];
    for (const state of ["delivered", "failed", "pending"] as const) {
      const [{ id }] = await getDb()
        .insert(alertDeliveries)
        .values({
          channelId: channel.id,
          payload: {},
          state,
          nextAttemptAt: new Date(Date.now() + 86_400_000),
          updatedAt: old,
        })
        .$returningId();
      ids.push(id);
    }
    const note = (createdAt: Date, readAt: Date | null) => ({
      userId: w.admin.id,
      tenantId: w.tenantId,
      title: "t",
      body: "b",
      severity: "info" as const,
      createdAt,
      readAt,
    });
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    const notes = [];
    for (const n of [note(longAgo, longAgo), note(longAgo, null), note(new Date(), new Date())])
      notes.push((await getDb().insert(notifications).values(n).$returningId())[0].id);
    await purgeDeliveries();
    const left = await getDb()
      .select({ id: alertDeliveries.id })
      .from(alertDeliveries)
      .where(inArray(alertDeliveries.id, ids));
    expect(left.map((r) => r.id)).toEqual([ids[2]]);
    const kept = await getDb()
      .select({ id: notifications.id })
      .from(notifications)
      .where(inArray(notifications.id, notes));
    expect(kept.map((r) => r.id).sort()).toEqual([notes[1], notes[2]].sort());
  });
});
