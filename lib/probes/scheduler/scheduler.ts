import "server-only";
import { logger } from "@/lib/observability/logger";
import { probeEgressProxy } from "../blackbox/egress-proxy";
import { blackbox, reloadExporter, writeModulesFile } from "../blackbox/exporter";
import { moduleConfig, moduleName, modulesYaml } from "../blackbox/modules";
import { allEnabledJobs, claimDue } from "./claim-due";
import { probeOnce, type ProbeJob, type ProbeOutcome } from "./probe-once";
import { purgeProbeFailures } from "./purge-failures";
import { storeOutcomes } from "./store-outcomes";

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export interface SchedulerOptions {
  tickMs?: number;
  concurrency?: number;
  /** Most runs claimed per tick; the rest wait for the next tick (still due, so still first). */
  claimLimit?: number;
}

export interface SchedulerStats {
  runs: number;
  /** start − due of recent runs, ms (the last 100,000). */
  lags: number[];
  exporterErrors: number;
}

/**
 * Runs due probes through the blackbox exporter: each tick claims what is due, keeps the modules
 * file in step with the probes it runs, starts at most `concurrency` runs at once, and writes
 * the finished runs in one batch per tick.
 */
export class ProbeScheduler {
  readonly tickMs: number;
  readonly concurrency: number;
  private readonly claimLimit: number;
  private timer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking = false;
  private queue: ProbeJob[] = [];
  private inFlight = 0;
  private done: ProbeOutcome[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private loaded = new Map<string, string>();
  private proxy: string | null = null;
  private syncing: Promise<void> | null = null;
  private idle: (() => void)[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private waiting = 0;
  readonly stats: SchedulerStats = { runs: 0, lags: [], exporterErrors: 0 };

  constructor(options: SchedulerOptions = {}) {
    this.tickMs = options.tickMs ?? envNumber("FACET_PROBE_TICK_MS", 1000);
    this.concurrency = options.concurrency ?? envNumber("FACET_PROBE_CONCURRENCY", 32);
    this.claimLimit = options.claimLimit ?? 2000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loaded.clear();
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref?.();
    this.purgeTimer = setInterval(
      () => void purgeProbeFailures().catch((error) => logger.warn({ err: error }, "probe failure purge failed")),
      3600_000,
    );
    this.purgeTimer.unref?.();
    void this.tick();
  }

  /** Stops claiming, lets runs in flight finish and writes them. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    clearInterval(this.purgeTimer);
    this.queue = [];
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting = 0;
    if (this.inFlight > 0) await new Promise<void>((r) => this.idle.push(r));
    await this.flush();
  }

  async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    try {
      await this.flush();
      // One tick ahead (a second at most): each run then starts at its due time, not up to a tick late.
      const claimed = await claimDue(Date.now() + Math.min(this.tickMs, 1000), this.claimLimit);
      if (claimed.length) {
        // A file the exporter refuses must not stop every probe: runs whose module is loaded go on.
        await this.syncModules(claimed).catch((error) =>
          logger.error({ err: error }, "could not load the probes' modules into the blackbox exporter"),
        );
        const now = Date.now();
        for (const job of claimed) {
          if (job.dueMs <= now) this.queue.push(job);
          else {
            this.waiting++;
            const timer = setTimeout(
              () => {
                this.timers.delete(timer);
                this.waiting--;
                if (!this.running) return this.wakeIdle();
                this.queue.push(job);
                this.pump();
              },
              // Node's timers may fire a millisecond early by Date.now(): a run never starts before its due time.
              job.dueMs - now + 1,
            );
            this.timers.add(timer);
          }
        }
        this.pump();
      }
    } catch (error) {
      logger.warn({ err: error }, "probe scheduler tick failed");
    } finally {
      this.ticking = false;
    }
  }

  /** Rewrites the modules file when a claimed probe's module is missing or changed. */
  private async syncModules(jobs: ProbeJob[]): Promise<void> {
    const stale = jobs.some((j) => this.loaded.get(moduleName(j)) !== JSON.stringify(moduleConfig(j, this.proxy)));
    if (!stale) return;
    this.syncing ??= (async () => {
      const all = await allEnabledJobs();
      this.proxy = await probeEgressProxy().origin();
      const url = await blackbox().exporterUrl();
      await writeModulesFile(modulesYaml(all, this.proxy));
      await reloadExporter(url);
      this.loaded = new Map(all.map((j) => [moduleName(j), JSON.stringify(moduleConfig(j, this.proxy))]));
    })().finally(() => (this.syncing = null));
    await this.syncing;
  }

  private pump(): void {
    while (this.running && this.inFlight < this.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.inFlight++;
      void this.run(job).finally(() => {
        this.inFlight--;
        this.pump();
        this.wakeIdle();
      });
    }
  }

  private wakeIdle(): void {
    if (this.inFlight === 0 && !this.queue.length && this.waiting === 0) this.idle.splice(0).forEach((r) => r());
  }

  private async run(job: ProbeJob): Promise<void> {
    const startedMs = Date.now();
    this.stats.lags.push(startedMs - job.dueMs);
    if (this.stats.lags.length > 100_000) this.stats.lags.splice(0, 50_000);
    try {
      const outcome = await probeOnce(await blackbox().exporterUrl(), job, startedMs);
      this.stats.runs++;
      this.done.push(outcome);
    } catch (error) {
      // Facet's exporter failed, not the target: nothing is recorded against the probe.
      this.stats.exporterErrors++;
      this.loaded.clear(); // a restarted exporter may need the file reloaded
      logger.warn({ err: error, probe: job.id }, "blackbox exporter call failed");
    }
  }

  /** Waits until nothing is queued or running, then writes what finished (tests, benches). */
  async settle(): Promise<void> {
    while (this.ticking) await new Promise((r) => setTimeout(r, 10));
    if (this.inFlight > 0 || this.queue.length || this.waiting > 0) await new Promise<void>((r) => this.idle.push(r));
    await this.flush();
  }

  /** Writes finished runs; one write at a time, in order. */
  flush(): Promise<void> {
    const batch = this.done.splice(0);
    if (!batch.length) return this.flushing;
    this.flushing = this.flushing
      .then(() => storeOutcomes(batch))
      .catch((error) => logger.warn({ err: error, runs: batch.length }, "could not store probe runs"));
    return this.flushing;
  }
}
