import { beforeAll, describe, expect, it } from "vitest";
import {
  alertOf,
  channelWorld,
  enqueue,
  resolvedOf,
  type ChannelWorld,
} from "@/lib/alerts/channels/testing/channel-world";
import { api, expectOk } from "@/lib/testing/world";
import type { NotificationDto } from "../schemas";

// The bell: enqueueNotifications tells the environment's project members, its members and the
// tenant's admins, nobody else; each user sees and marks only their own notifications.

type List = { unread: number; items: NotificationDto[]; nextCursor: string | null };
const N = "/api/v1/me/notifications";
let w: ChannelWorld;
const list = (token: string, query = "") => expectOk<List>(api("GET", `${N}${query}`, { token }));

beforeAll(async () => {
  w = await channelWorld("bell");
  const a = alertOf(w, [], { ruleName: "DiskFull", severity: "warning", message: "Disk 95% full" });
  await enqueue([a]);
  await enqueue([resolvedOf(a)]);
}, 60_000);

describe("recipients", () => {
  it("project members, environment members and tenant admins are told; others are not", async () => {
    for (const p of [w.dev, w.reader, w.admin]) {
      const l = await list(p.token);
      expect(l.unread, p.username).toBe(2);
      expect(l.items.map((i) => i.title)).toEqual(["Resolved: DiskFull", "Firing: DiskFull"]);
      expect(l.items[1]).toMatchObject({ body: "Disk 95% full", severity: "warning", readAt: null });
      expect(l.items[1].link).toMatch(/\/alerts\/\d+$/);
    }
    for (const p of [w.member, w.outsider]) expect((await list(p.token)).items, p.username).toEqual([]);
    expect((await list(w.root)).items).toEqual([]);
  });

  it("an alert whose environment is not its tenant's tells nobody", async () => {
    await enqueue([alertOf({ tenantId: w.otherTenantId, environmentId: w.environmentId }, [], { ruleName: "Mixed" })]);
    for (const p of [w.dev, w.outsider])
      expect((await list(p.token)).items.map((i) => i.title)).not.toContain("Firing: Mixed");
  });
});

describe("reading", () => {
  it("pages newest first and filters unread; bad queries are 422; no token is 401", async () => {
    const first = await list(w.admin.token, "?limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(w.admin.token, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
    for (const q of ["?limit=0", "?limit=101", "?unread=yes", "?cursor=bm9wZQ"])
      expect((await api("GET", `${N}${q}`, { token: w.admin.token })).status, q).toBe(422);
    // (In-process calls cannot run the cookie path; an unknown bearer token is the anonymous case.)
    expect((await api("GET", N, { token: "fct_not-a-token" })).status).toBe(401);
  });

  it("a user marks only their own: another's ids change nothing; all:true is only theirs", async () => {
    const mine = await list(w.dev.token);
    const theirs = await list(w.reader.token);
    // The reader tries to mark the dev's notifications read.
    const res = await expectOk<{ unread: number }>(
      api("POST", `${N}/read`, { token: w.reader.token, body: { ids: mine.items.map((i) => i.id) } }),
    );
    expect(res.unread).toBe(2);
    expect((await list(w.dev.token)).unread).toBe(2);

    const one = await expectOk<{ unread: number }>(
      api("POST", `${N}/read`, { token: w.dev.token, body: { ids: [mine.items[0].id] } }),
    );
    expect(one.unread).toBe(1);
    const unread = await list(w.dev.token, "?unread=true");
    expect(unread.items.map((i) => i.id)).toEqual([mine.items[1].id]);
    expect((await list(w.dev.token)).items[0].readAt).not.toBeNull();

    expect(
      (await expectOk<{ unread: number }>(api("POST", `${N}/read`, { token: w.dev.token, body: { all: true } })))
        .unread,
    ).toBe(0);
    expect((await list(w.reader.token)).unread).toBe(theirs.unread);
    expect((await list(w.admin.token)).unread).toBe(2);
  });

  it("malformed read bodies are 422", async () => {
    for (const body of [{}, { ids: [] }, { ids: ["1"] }, { all: false }, { ids: [1], all: true }])
      expect((await api("POST", `${N}/read`, { token: w.dev.token, body })).status, JSON.stringify(body)).toBe(422);
  });
});
