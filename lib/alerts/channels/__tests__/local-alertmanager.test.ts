import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthedContext } from "@/lib/core/context";
import { createUser, uniqueName } from "@/lib/testing/factories";
import { startAlertmanager, type Alertmanager } from "@/lib/testing/alertmanager";
import { api, expectOk } from "@/lib/testing/world";
import { dispatchDeliveries } from "../dispatch-deliveries";
import type { ChannelDto } from "../dto";
import { LOCAL_ALERTMANAGER_CHANNEL, seedLocalAlertmanagerChannel } from "../seed-local-alertmanager";
import { alertOf, channelWorld, enqueue, type ChannelWorld } from "../testing/channel-world";

// The Alertmanager `npm run up` runs on loopback: seeded as a system channel only when it
// answers, and reachable although loopback is refused to user-supplied addresses — by that
// system channel only, never by a tenant's channel pointing at the same place.

let am: Alertmanager;
let w: ChannelWorld;
let ctx: AuthedContext;
const saved = { ...process.env };

beforeAll(async () => {
  [am, w] = await Promise.all([startAlertmanager(), channelWorld("localam")]);
  const u = await createUser({ username: uniqueName("seeder"), systemRole: "sysadmin" });
  ctx = {
    actor: { ...u, displayName: u.username, systemRole: "sysadmin", via: "token", tokenScope: "read-write" },
    scope: {},
    requestId: "seed-test",
    clientAddress: null,
  };
}, 60_000);
afterAll(async () => {
  process.env.FACET_LOCAL_ALERTMANAGER_URL = saved.FACET_LOCAL_ALERTMANAGER_URL;
  process.env.FACET_EGRESS_ALLOW_LOOPBACK = saved.FACET_EGRESS_ALLOW_LOOPBACK;
  await am?.stop();
});

describe("local Alertmanager system channel", () => {
  it("is not seeded when nothing answers", async () => {
    delete process.env.FACET_LOCAL_ALERTMANAGER_URL;
    expect(await seedLocalAlertmanagerChannel(ctx)).toMatch(/no local Alertmanager/);
    process.env.FACET_LOCAL_ALERTMANAGER_URL = "http://127.0.0.1:9/";
    expect(await seedLocalAlertmanagerChannel(ctx)).toMatch(/does not answer/);
    expect((await api("GET", `/api/v1/alert-channels/${LOCAL_ALERTMANAGER_CHANNEL}`, { token: w.root })).status).toBe(
      404,
    );
  });

  it("is seeded once when it answers, and delivers with loopback otherwise refused", async () => {
    process.env.FACET_LOCAL_ALERTMANAGER_URL = am.url;
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    expect(await seedLocalAlertmanagerChannel(ctx)).toMatch(/seeded system channel/);
    expect(await seedLocalAlertmanagerChannel(ctx)).toMatch(/exists/);
    const dto = await expectOk<ChannelDto>(
      api("GET", `/api/v1/alert-channels/${LOCAL_ALERTMANAGER_CHANNEL}`, { token: w.root }),
    );
    expect(dto).toMatchObject({ scope: "system", kind: "alertmanager", config: { url: am.url } });

    // A tenant admin cannot point a channel at it: loopback stays refused for them.
    const refused = await api<{ errors: { path: string }[] }>("POST", `/api/v1/tenants/${w.tenant}/alert-channels`, {
      token: w.admin.token,
      body: { name: "sneaky", kind: "alertmanager", config: { url: am.url } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("body.config.url");
    // Nor a system webhook channel: the exception is the Alertmanager kind's.
    expect(
      (
        await api("POST", "/api/v1/alert-channels", {
          token: w.root,
          body: { name: uniqueName("sys-hook"), kind: "webhook", config: { url: am.url } },
        })
      ).status,
    ).toBe(422);

    await enqueue([
      alertOf(w, [{ channel: LOCAL_ALERTMANAGER_CHANNEL, scope: "system" }], { ruleName: "LocalAmRule" }),
    ]);
    await dispatchDeliveries();
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as { labels: Record<string, string> }[];
    expect(alerts.map((a) => a.labels.alertname)).toContain("LocalAmRule");
    const after = await expectOk<ChannelDto>(
      api("GET", `/api/v1/alert-channels/${LOCAL_ALERTMANAGER_CHANNEL}`, { token: w.root }),
    );
    expect(after.lastError).toBeNull();
    expect(after.recentDeliveries[0]).toMatchObject({ status: "delivered" });
  });
});
