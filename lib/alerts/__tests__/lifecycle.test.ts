import { describe, expect, it } from "vitest";
import { IN_APP, planRule, type PlanRule, type Sample, type WorkingAlert } from "../evaluate/lifecycle";

// The planner alone: one rule, samples per round, the open alerts carried from round to round as
// the evaluator stores them. Boundaries of `for`, levels, inhibition, silences, acknowledgement
// and per-receiver repeat intervals.

const T0 = new Date("2026-12-07T10:00:00Z").getTime();
const at = (s: number) => new Date(T0 + s * 1000);

const rule = (over: Partial<PlanRule> = {}): PlanRule => ({
  id: 1,
  name: "cpu",
  forSeconds: 60,
  message: "{{ $labels.pod }}={{ $value }}",
  levels: [
    { op: ">", value: 1, severity: "warning" },
    { op: ">", value: 2, severity: "error" },
    { op: ">", value: 3, severity: "critical" },
  ],
  receivers: [
    { channel: "fast", scope: "tenant", repeatIntervalSeconds: 60 },
    { channel: "slow", scope: "system", repeatIntervalSeconds: 600 },
  ],
  ...over,
});

/** Runs rounds, carrying open alerts over as the database would (ids assigned, flags reset). */
function rounds(r: PlanRule, steps: [number, Sample[], { silences?: Parameters<typeof planRule>[3] }?][]) {
  let open: WorkingAlert[] = [];
  let nextId = 1;
  const out: WorkingAlert[][] = [];
  for (const [s, samples, opts] of steps) {
    const planned = planRule(r, samples, open, opts?.silences ?? [], at(s));
    for (const a of planned) if (a.id === null) a.id = nextId++;
    out.push(planned.map((a) => ({ ...a, events: [...a.events] })));
    open = planned.filter((a) => a.state !== "resolved").map((a) => ({ ...a, dirty: false, events: [], notify: null }));
  }
  return out;
}
const pod = (value: number, name = "web-1"): Sample => ({ labels: { pod: name }, value });
const kinds = (alerts: WorkingAlert[], severity: string) =>
  alerts.find((a) => a.severity === severity)?.events.map((e) => e.kind);

describe("the alert lifecycle planner", () => {
  it("stays pending until `for` has passed, to the second", () => {
    const [r1, r2, r3] = rounds(rule({ levels: [{ op: ">", value: 1, severity: "warning" }] }), [
      [0, [pod(1.5)]],
      [59, [pod(1.5)]],
      [60, [pod(1.5)]],
    ]);
    expect(r1[0]).toMatchObject({ state: "pending", notify: null });
    expect(r1[0].events.map((e) => e.kind)).toEqual(["pending"]);
    expect(r2[0]).toMatchObject({ state: "pending", notify: null, dirty: false });
    expect(r3[0]).toMatchObject({ state: "firing", message: "web-1=1.5" });
    expect(r3[0].notify?.receivers.map((x) => x.channel)).toEqual(["fast", "slow"]);
  });

  it("fires at once with for 0, and a pending alert whose condition clears resolves without a notification", () => {
    const [now] = rounds(rule({ forSeconds: 0, levels: [{ op: ">=", value: 1, severity: "info" }] }), [[0, [pod(1)]]]);
    expect(now[0].events.map((e) => e.kind)).toEqual(["firing", "notified"]);
    const [, cleared] = rounds(rule(), [
      [0, [pod(1.5)]],
      [30, [pod(0.5)]],
    ]);
    expect(cleared[0]).toMatchObject({ state: "resolved", notify: null });
  });

  it("keeps one alert per label set and level, and the highest firing level inhibits the lower ones", () => {
    const [, r2] = rounds(rule(), [
      [0, [pod(3.5), pod(1.5, "web-2")]],
      [60, [pod(3.5), pod(1.5, "web-2")]],
    ]);
    const web1 = r2.filter((a) => a.labels.pod === "web-1");
    expect(web1.map((a) => a.severity).sort()).toEqual(["critical", "error", "warning"]);
    expect(
      web1
        .filter((a) => a.inhibited)
        .map((a) => a.severity)
        .sort(),
    ).toEqual(["error", "warning"]);
    expect(web1.filter((a) => a.notify).map((a) => a.severity)).toEqual(["critical"]);
    expect(kinds(web1, "error")).toEqual(["firing", "inhibited"]);
    // Another label set is not inhibited by web-1's critical.
    const web2 = r2.find((a) => a.labels.pod === "web-2")!;
    expect(web2).toMatchObject({ severity: "warning", inhibited: false });
    expect(web2.notify?.status).toBe("firing");
  });

  it("notifies the lower level once the higher one resolves", () => {
    const [, , r3] = rounds(rule(), [
      [0, [pod(3.5)]],
      [60, [pod(3.5)]],
      [90, [pod(2.5)]],
    ]);
    expect(r3.find((a) => a.severity === "critical")).toMatchObject({ state: "resolved" });
    const error = r3.find((a) => a.severity === "error")!;
    expect(error).toMatchObject({ state: "firing", inhibited: false });
    expect(error.notify?.status).toBe("firing");
  });

  it("repeats per receiver at its own interval, and an acknowledged alert repeats no more", () => {
    const r = rule({ forSeconds: 0, levels: [{ op: ">", value: 1, severity: "error" }] });
    const out = rounds(r, [
      [0, [pod(2)]],
      [59, [pod(2)]],
      [60, [pod(2)]],
      [600, [pod(2)]],
    ]);
    const told = out.map((round) => round[0].notify?.receivers.map((x) => x.channel) ?? []);
    expect(told).toEqual([["fast", "slow"], [], ["fast"], ["fast", "slow"]]);
    expect(out[2][0].notify?.repeat).toBe(true);

    const acked = planRule(
      r,
      [pod(2)],
      [{ ...out[3][0], acknowledgedAt: at(601), dirty: false, events: [], notify: null }],
      [],
      at(5000),
    );
    expect(acked[0]).toMatchObject({ state: "firing", notify: null, dirty: false });
  });

  it("silences by rule or by labels, records it once, and notifies when the silence is gone", () => {
    const r = rule({ forSeconds: 0, levels: [{ op: ">", value: 1, severity: "error" }] });
    const byLabels = [{ id: 7, rule: null, matchers: { pod: "web-1", severity: "error" } }];
    const otherRule = [{ id: 8, rule: "memory", matchers: {} }];
    const wrongLabel = [{ id: 9, rule: null, matchers: { pod: "web-9" } }];
    const out = rounds(r, [
      [0, [pod(2)], { silences: byLabels }],
      [120, [pod(2)], { silences: byLabels }],
      [130, [pod(2)], { silences: otherRule }],
    ]);
    expect(out[0][0]).toMatchObject({ silencedBy: 7, notify: null });
    expect(out[0][0].events.map((e) => e.kind)).toEqual(["firing", "silenced"]);
    expect(out[1][0]).toMatchObject({ dirty: false, notify: null });
    expect(out[2][0]).toMatchObject({ silencedBy: null });
    expect(out[2][0].notify?.receivers.map((x) => x.channel)).toEqual(["fast", "slow"]);
    const [w] = rounds(r, [[0, [pod(2)], { silences: wrongLabel }]]);
    expect(w[0].notify).not.toBeNull();
  });

  it("tells only those told it fired that it resolved; without receivers the console is still told", () => {
    const r = rule({ forSeconds: 0, levels: [{ op: ">", value: 1, severity: "error" }], receivers: [] });
    const [r1, r2] = rounds(r, [
      [0, [pod(2)]],
      [30, []],
    ]);
    expect(r1[0].notify).toMatchObject({ status: "firing", receivers: [] });
    expect(r1[0].notified).toHaveProperty(IN_APP);
    expect(r2[0]).toMatchObject({ state: "resolved", notify: { status: "resolved", receivers: [] } });
    const silenced = rounds(r, [
      [0, [pod(2)], { silences: [{ id: 1, rule: "cpu", matchers: {} }] }],
      [30, []],
    ]);
    expect(silenced[1][0]).toMatchObject({ state: "resolved", notify: null });
  });

  it.each([
    [">", 2, 2, false],
    [">=", 2, 2, true],
    ["<", 1, 0.5, true],
    ["<=", 1, 1.01, false],
    ["==", 0, 0, true],
    ["!=", 0, 0, false],
  ] as const)("op %s %d against %d matches: %s", (op, value, sample, fires) => {
    const [r1] = rounds(rule({ forSeconds: 0, levels: [{ op, value, severity: "info" }] }), [[0, [pod(sample)]]]);
    expect(r1.length > 0).toBe(fires);
  });
});
