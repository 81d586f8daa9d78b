// An open-loop load at a constant arrival rate, as wrk2 or k6's constant-arrival-rate make it:
// request i is due at start + i/rate whatever happened to the ones before, and its latency runs
// from when it was due, so a stall counts against every request it delayed (no coordinated
// omission). autocannon's `overallRate` instead lets each connection send its share of a second
// back to back and then idle, which measures bursts, not a steady rate.
import { Agent, request } from "node:http";
import { quantile } from "./telemetry-common";

export interface ConstantRateResult {
  sent: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  wrong: number;
}

export async function constantRate(
  url: string,
  headers: Record<string, string>,
  options: { rate: number; seconds: number; expect: number; maxSockets?: number },
): Promise<ConstantRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let wrong = 0;
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const req = request(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - due);
          if (res.statusCode !== options.expect) wrong++;
          resolve();
        });
      });
      req.on("error", () => {
        wrong++;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(one(due));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    rps: total / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1],
    wrong,
  };
}
