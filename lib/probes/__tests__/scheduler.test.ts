import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { leaderships } from "@/lib/db/leadership";
import { probeFailures, probes, probeUptimeHours } from "@/lib/db/schema";
import { blackbox, freeLoopbackPort } from "@/lib/probes/blackbox/exporter";
import { nextAfter, nextOnPhase, phaseOffsetMs } from "@/lib/probes/schedule";
import { leadProbeScheduler } from "@/lib/probes/scheduler/leader";
import { purgeProbeFailures } from "@/lib/probes/scheduler/purge-failures";
import { ProbeScheduler } from "@/lib/probes/scheduler/scheduler";
import { startBlackbox, type TestBlackbox } from "@/lib/testing/blackbox";
import { buildConfigWorld, type ConfigWorld } from "@/lib/testing/config-world";
import { startReplica, type Replica } from "@/lib/testing/replica";
import { api, expectOk } from "@/lib/testing/world";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("probe schedule arithmetic", () => {
  it("puts a probe on its own phase and keeps it there after missed slots", () => {
    const interval = 60_000;
    const now = 1_700_000_000_123;
    const first = nextOnPhase(42, interval, now);
    expect(first).toBeGreaterThan(now);
    expect(first - now).toBeLessThanOrEqual(interval);
    expect(first % interval).toBe(phaseOffsetMs(42, interval));
    // On time: one interval on.
    expect(nextAfter(first, interval, first + 5)).toBe(first + interval);
    // Down for 3.5 intervals: the missed slots are skipped, not run in a burst, and the phase holds.
    const late = nextAfter(first, interval, first + 3.5 * interval);
    expect(late).toBe(first + 4 * interval);
    expect(nextAfter(first, interval, first + interval)).toBe(first + 2 * interval);
  });
});

describe("probe scheduler", () => {
  let w: ConfigWorld;
  let bb: TestBlackbox;
  let envId: number;
  const path = (rest = "") => `${w.env("test")}/probes${rest}`;
  const rowOf = async (name: string) =>
    (
      await getDb()
        .select()
        .from(probes)
        .where(and(eq(probes.environmentId, envId), eq(probes.name, name)))
    )[0];

  beforeAll(async () => {
    bb = await startBlackbox();
    w = await buildConfigWorld("psch");
  }, 60_000);
  afterAll(async () => {
    await Promise.all(leaderships().map((l) => l.resign()));
    await bb?.stop();
  });

  it("spreads probes of one interval over it: each first run sits on hash(id) mod interval", async () => {
    const closed = await freeLoopbackPort();
    for (let i = 0; i < 30; i++)
      await expectOk(
        api("POST", path(), {
          token: w.admin.token,
          body: {
            name: `spread-${i}`,
            kind: "tcp",
            target: `127.0.0.1:${closed}`,
            intervalSeconds: 60,
            enabled: false,
          },
        }),
        201,
      );
    const rows = await getDb().select().from(probes).where(eq(probes.name, "spread-0"));
    envId = rows[0].environmentId;
    const all = (await getDb().select().from(probes).where(eq(probes.environmentId, envId))).filter((r) =>
      r.name.startsWith("spread-"),
    );
    expect(all).toHaveLength(30);
    for (const r of all) expect(r.nextRunMs % 60_000).toBe(phaseOffsetMs(r.id, 60_000));
    // 30 probes over six 10-second slices: not bunched (all in ≤ 3 slices has odds ~1e-8).
    const slices = new Set(all.map((r) => Math.floor((r.nextRunMs % 60_000) / 10_000)));
    expect(slices.size).toBeGreaterThanOrEqual(4);
  });

  it("keeps its pace across a restart: the next run is the persisted one, not earlier, not a burst", async () => {
    const closed = await freeLoopbackPort();
    await expectOk(
      api("POST", path(), {
        token: w.admin.token,
        body: { name: "pace", kind: "tcp", target: `127.0.0.1:${closed}`, intervalSeconds: 10, timeoutSeconds: 2 },
      }),
      201,
    );
    const due = Date.now() + 300;
    await getDb()
      .update(probes)
      .set({ nextRunMs: due })
      .where(eq(probes.id, (await rowOf("pace")).id));

    const a = new ProbeScheduler({ tickMs: 100 });
    a.start();
    for (const end = Date.now() + 5_000; !(await rowOf("pace")).lastRunMs && Date.now() < end;) await sleep(50);
    await a.stop();
    const afterA = await rowOf("pace");
    expect(afterA.lastRunMs! - due).toBeGreaterThanOrEqual(0);
    expect(afterA.lastRunMs! - due).toBeLessThan(1_000);
    expect(afterA.nextRunMs).toBe(due + 10_000);
    expect(a.stats.lags.length).toBeGreaterThanOrEqual(1);

    // "Restart": a new scheduler (as in a new process) picks up the persisted next run.
    await sleep(1_000);
    const b = new ProbeScheduler({ tickMs: 100 });
    b.start();
    await sleep(1_000);
    expect((await rowOf("pace")).lastRunMs).toBe(afterA.lastRunMs); // not run early on start
    for (const end = Date.now() + 12_000; (await rowOf("pace")).lastRunMs === afterA.lastRunMs && Date.now() < end;)
      await sleep(50);
    await b.stop();
    const afterB = await rowOf("pace");
    expect(afterB.lastRunMs! - (due + 10_000)).toBeGreaterThanOrEqual(0);
    expect(afterB.lastRunMs! - (due + 10_000)).toBeLessThan(1_000);
    expect(afterB.nextRunMs).toBe(due + 20_000);
  }, 30_000);

  it("after downtime runs an overdue probe once and resumes on its phase", async () => {
    const row = await rowOf("pace");
    const due = Date.now() - 35_000; // three and a half intervals missed
    await getDb().update(probes).set({ nextRunMs: due }).where(eq(probes.id, row.id));
    // The scheduler runs every due probe in the database: probes earlier test files left behind
    // are moved an hour on, so the runs counted here are this probe's.
    await getDb()
      .update(probes)
      .set({ nextRunMs: Date.now() + 3_600_000 })
      .where(and(ne(probes.id, row.id), eq(probes.enabled, true)));
    const s = new ProbeScheduler({ tickMs: 3_600_000 });
    s.start();
    await s.settle();
    await s.tick();
    await s.settle();
    await s.stop();
    expect(s.stats.runs).toBe(1);
    const after = await rowOf("pace");
    expect(after.nextRunMs).toBe(due + 40_000);
    expect(after.nextRunMs).toBeGreaterThan(Date.now() - 1_000);
  });

  it("drops failure reasons older than the telemetry retention, and only those", async () => {
    const made = await expectOk<{ name: string }>(
      api("POST", path(), {
        token: w.admin.token,
        body: { name: "purged", kind: "tcp", target: "127.0.0.1:1", enabled: false },
      }),
      201,
    );
    const [{ id }] = await getDb().select().from(probes).where(eq(probes.name, made.name));
    const now = Date.now();
    const day = 24 * 3600_000;
    await getDb()
      .insert(probeFailures)
      .values([
        { probeId: id, timeMs: now - 8 * day, reason: "old" },
        { probeId: id, timeMs: now - 6 * day, reason: "recent" },
      ]);
    const hour = Math.floor(now / 3600_000);
    await getDb()
      .insert(probeUptimeHours)
      .values([
        { probeId: id, hour: hour - 9 * 24, runs: 60, ok: 60 },
        { probeId: id, hour: hour - 24, runs: 60, ok: 30 },
      ]);
    expect(await purgeProbeFailures(now, 7)).toBeGreaterThanOrEqual(1);
    const hours = await getDb().select().from(probeUptimeHours).where(eq(probeUptimeHours.probeId, id));
    expect(hours.map((h) => h.hour)).toEqual([hour - 24]);
    const left = await getDb().select().from(probeFailures).where(eq(probeFailures.probeId, id));
    expect(left.map((f) => f.reason)).toContain("recent");
    expect(left.map((f) => f.reason)).not.toContain("old");
  });

  it("supervises its own exporter when none is configured: starts it and restarts it if it dies", async () => {
    const configured = process.env.FACET_BLACKBOX_URL;
    delete process.env.FACET_BLACKBOX_URL;
    try {
      const url = await blackbox().exporterUrl();
      expect((await fetch(`${url}/-/healthy`)).ok).toBe(true);
      const pid = blackbox().pid()!;
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, "SIGKILL");
      let again: string | null = null;
      for (const end = Date.now() + 10_000; Date.now() < end; await sleep(100)) {
        const now = blackbox().pid();
        if (now && now !== pid) {
          again = await blackbox().exporterUrl();
          break;
        }
      }
      expect(again).not.toBeNull();
      expect((await fetch(`${again}/-/healthy`)).ok).toBe(true);
    } finally {
      await blackbox().stop();
      process.env.FACET_BLACKBOX_URL = configured;
    }
  }, 20_000);

  it("runs in exactly one of two processes, and the survivor takes over", async () => {
    let replica: Replica | undefined;
    try {
      replica = await startReplica({
        FACET_LEADER_RETRY_MS: "300",
        FACET_PROBE_SCHEDULER: "on",
        FACET_BLACKBOX_URL: bb.url,
        FACET_DATA_DIR: bb.dataDir,
      });
      leadProbeScheduler();
      await sleep(1_500);
      const here = () =>
        leaderships()
          .filter((l) => l.isLeader())
          .map((l) => l.name)
          .includes("probe-scheduler");
      const there = (await replica.leaders()).includes("probe-scheduler");
      expect([here(), there].filter(Boolean)).toHaveLength(1);
      await replica.kill();
      for (const end = Date.now() + 15_000; !here() && Date.now() < end;) await sleep(100);
      expect(here()).toBe(true);
    } finally {
      await replica?.kill();
    }
  }, 90_000);
});
