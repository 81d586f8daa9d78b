import { createHash } from "node:crypto";
import type { Level, Receiver, Severity } from "../schemas";
import { SEVERITIES } from "../schemas";
import { renderMessage } from "./render-message";

// The pure part of evaluation: given one rule's samples this round and its open alerts, what
// changes. One alert per (label set × level): every matching level has its own alert, and a
// firing alert of a higher level inhibits the lower ones of the same labels (the highest wins).

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export type EventKind = "pending" | "firing" | "resolved" | "silenced" | "acknowledged" | "notified" | "inhibited";

export interface WorkingAlert {
  id: number | null;
  fingerprint: string;
  labels: Record<string, string>;
  severity: Severity;
  state: "pending" | "firing" | "resolved";
  value: number | null;
  message: string;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
  /** Receiver key ("scope/channel", or IN_APP) → epoch ms of its last notification. */
  notified: Record<string, number>;
  lastNotifiedAt: Date | null;
  acknowledgedAt: Date | null;
  silencedBy: number | null;
  inhibited: boolean;
  /** Columns other than value changed this round. */
  dirty: boolean;
  events: { kind: EventKind; value: number | null }[];
  notify: { status: "firing" | "resolved"; receivers: Receiver[]; repeat: boolean } | null;
}

export interface PlanRule {
  id: number;
  name: string;
  forSeconds: number;
  levels: Level[];
  receivers: Receiver[];
  message: string;
}

export interface ActiveSilence {
  id: number;
  rule: string | null;
  matchers: Record<string, string>;
}

/** The console's own recipients (in-app notifications): told once per firing, and on resolve. */
export const IN_APP = "in-app";

export const receiverKey = (r: Pick<Receiver, "scope" | "channel">) => `${r.scope}/${r.channel}`;
const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function fingerprintOf(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return createHash("md5").update(JSON.stringify(sorted)).digest("hex");
}

export function matches(value: number, level: Level): boolean {
  switch (level.op) {
    case ">":
      return value > level.value;
    case ">=":
      return value >= level.value;
    case "<":
      return value < level.value;
    case "<=":
      return value <= level.value;
    case "==":
      return value === level.value;
    case "!=":
      return value !== level.value;
  }
}

export function silenceMatches(s: ActiveSilence, ruleName: string, labels: Record<string, string>): boolean {
  if (s.rule !== null && s.rule !== ruleName) return false;
  return Object.entries(s.matchers).every(([k, v]) => labels[k] === v);
}

/** Labels an alert is shown and delivered with. */
export const alertLabels = (rule: string, severity: Severity, labels: Record<string, string>) => ({
  ...labels,
  alertname: rule,
  severity,
});

export function planRule(
  rule: PlanRule,
  samples: Sample[],
  open: WorkingAlert[],
  silences: ActiveSilence[],
  now: Date,
): WorkingAlert[] {
  const work = [...open];
  const byKey = new Map(work.map((w) => [`${w.fingerprint}/${w.severity}`, w]));
  const seen = new Set<string>();
  const render = (w: WorkingAlert) =>
    renderMessage(rule.message, alertLabels(rule.name, w.severity, w.labels), w.value);

  for (const sample of samples) {
    const fingerprint = fingerprintOf(sample.labels);
    for (const level of rule.levels) {
      if (!matches(sample.value, level)) continue;
      const key = `${fingerprint}/${level.severity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let w = byKey.get(key);
      if (!w) {
        w = {
          id: null,
          fingerprint,
          labels: sample.labels,
          severity: level.severity,
          state: "pending",
          value: sample.value,
          message: "",
          startedAt: now,
          firedAt: null,
          resolvedAt: null,
          notified: {},
          lastNotifiedAt: null,
          acknowledgedAt: null,
          silencedBy: null,
          inhibited: false,
          dirty: true,
          events: [],
          notify: null,
        };
        if (rule.forSeconds > 0) w.events.push({ kind: "pending", value: sample.value });
        work.push(w);
        byKey.set(key, w);
      }
      w.value = sample.value;
      if (w.state === "pending" && now.getTime() - w.startedAt.getTime() >= rule.forSeconds * 1000) {
        w.state = "firing";
        w.firedAt = now;
        w.dirty = true;
        w.events.push({ kind: "firing", value: sample.value });
      }
    }
  }

  for (const w of work) {
    if (w.state === "resolved" || seen.has(`${w.fingerprint}/${w.severity}`)) continue;
    const wasFiring = w.state === "firing";
    w.state = "resolved";
    w.resolvedAt = now;
    w.dirty = true;
    w.events.push({ kind: "resolved", value: w.value });
    // Only those told it fired hear that it resolved.
    if (wasFiring && Object.keys(w.notified).length) {
      w.notify = {
        status: "resolved",
        receivers: rule.receivers.filter((r) => receiverKey(r) in w.notified),
        repeat: false,
      };
      w.message = render(w);
    }
  }

  const firing = work.filter((w) => w.state === "firing");
  for (const w of firing) {
    const inhibited = firing.some((o) => o.fingerprint === w.fingerprint && rank(o.severity) > rank(w.severity));
    if (inhibited !== w.inhibited) {
      w.inhibited = inhibited;
      w.dirty = true;
      if (inhibited) w.events.push({ kind: "inhibited", value: w.value });
    }
    const silence = silences.find((s) => silenceMatches(s, rule.name, alertLabels(rule.name, w.severity, w.labels)));
    const silencedBy = silence?.id ?? null;
    if (silencedBy !== w.silencedBy) {
      w.silencedBy = silencedBy;
      w.dirty = true;
      if (silencedBy !== null) w.events.push({ kind: "silenced", value: w.value });
    }
    if (w.inhibited || w.silencedBy !== null || w.acknowledgedAt) continue;
    const t = now.getTime();
    const due = rule.receivers.filter((r) => {
      const last = w.notified[receiverKey(r)];
      return last === undefined || t - last >= r.repeatIntervalSeconds * 1000;
    });
    const inApp = !(IN_APP in w.notified);
    if (!due.length && !inApp) continue;
    const repeat = !inApp;
    w.notified = { ...w.notified, ...Object.fromEntries(due.map((r) => [receiverKey(r), t])), [IN_APP]: t };
    w.lastNotifiedAt = now;
    w.dirty = true;
    w.message = render(w);
    w.notify = { status: "firing", receivers: due, repeat };
    w.events.push({ kind: "notified", value: w.value });
  }
  for (const w of work) if (w.id === null || w.dirty) w.message = w.message || render(w);
  return work;
}
