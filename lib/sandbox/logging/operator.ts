import "server-only";
import type { RowDataPacket } from "mysql2";
import { dropProcessSingleton, peekProcessSingleton, processSingleton } from "@/lib/cache";
import { getDb, getPool } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import { ingestMetrics } from "@/lib/telemetry/ingest/ingest-metrics";
import type { IngestPrincipal } from "@/lib/telemetry/ingest/resource";
import type { OtlpMetric, ResourceGroup } from "@/lib/telemetry/otlp/model";
import { findBuiltin, NAMESPACES, PODS } from "../builtin-resources";
import { containerLog, logRate } from "../logs";
import { updateObject } from "../objects/update-object";
import { customResourceTypes } from "../registry";
import { readObject, readObjects } from "../store/read";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject, ResourceType } from "../types";
import { deepEqual } from "../util";
import { CONTROL_NAMESPACE, LOGGING_GROUP } from "@/lib/logging/constants";
import { applyFilters, newFilterState, type FilterState, type LogRecord, type Origin } from "./filters";
import { selects, type Candidate } from "./match";
import { configurationProblem, deliver } from "./outputs";

// The Logging Operator's job in the sandbox, once a second on the leader: each Flow and
// ClusterFlow reads the new lines of the containers it selects, runs its filters and ships the
// result to its outputs; status and a per-flow line counter are written back.

export const FLOW_LINES_METRIC = "facet_logging_flow_lines_total";
const MAX_FLOWS = 200;
const MAX_LINES_PER_TICK = Number(process.env.SANDBOX_LOGGING_MAX_LINES ?? 5_000);
/** A late tick reads at most this far back; older lines are skipped, as a lagging tail would. */
const MAX_WINDOW_MS = 10_000;
/** Flows not reached within this much of a pass wait for the next one (outputs time out after 5 s). */
const TICK_BUDGET_MS = 8_000;
const tickMs = () => Number(process.env.SANDBOX_LOGGING_TICK_MS ?? 1_000);
const SECRETS = findBuiltin("", "secrets")!;
const APP_LABELS = ["app", "app.kubernetes.io/name", "facet.dev/application"];

interface FlowRuntime {
  since: number;
  total: number;
  filters: FilterState;
}

interface OperatorState {
  flows: Map<string, FlowRuntime>;
  running: Promise<void> | null;
  timer?: ReturnType<typeof setTimeout>;
  stopped: boolean;
}

const STATE = "sandbox-logging-operator";
const state = () => processSingleton<OperatorState>(STATE, () => ({ flows: new Map(), running: null, stopped: true }));

interface LoggingTypes {
  Flow?: ResourceType;
  ClusterFlow?: ResourceType;
  Output?: ResourceType;
  ClusterOutput?: ResourceType;
}

async function loggingTypes(): Promise<LoggingTypes> {
  const out: LoggingTypes = {};
  for (const t of await customResourceTypes()) {
    if (t.group === LOGGING_GROUP && ["Flow", "ClusterFlow", "Output", "ClusterOutput"].includes(t.kind))
      out[t.kind as keyof LoggingTypes] = t;
  }
  return out;
}

let sandboxCluster: Promise<number | null> | null = null;
/** The sandbox's row in the cluster registry: the telemetry identity of its namespaces. */
function sandboxClusterId(): Promise<number | null> {
  sandboxCluster ??= getPool()
    .query<RowDataPacket[]>("SELECT id FROM clusters WHERE kind = 'sandbox' ORDER BY id LIMIT 1")
    .then(([rows]) => (rows[0] ? Number(rows[0].id) : null))
    .catch(() => null)
    .then((id) => {
      if (id === null) sandboxCluster = null;
      return id;
    });
  return sandboxCluster;
}

function applicationOf(labels: Record<string, string>): string | null {
  for (const key of APP_LABELS) if (labels[key]) return labels[key];
  return null;
}

interface RunningContainer {
  candidate: Candidate;
  origin: Origin;
  pod: K8sObject;
  image: string;
  startedAt: Date;
}

function runningContainers(pods: K8sObject[], namespaces: Map<string, Record<string, string>>): RunningContainer[] {
  const out: RunningContainer[] = [];
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase !== "Running") continue;
    const labels = pod.metadata.labels ?? {};
    const namespace = pod.metadata.namespace!;
    const host = String(pod.spec?.nodeName ?? "");
    const images = new Map(
      ((pod.spec?.containers as JsonObject[] | undefined) ?? []).map((c) => [String(c.name), String(c.image)]),
    );
    for (const status of (pod.status?.containerStatuses as JsonObject[] | undefined) ?? []) {
      const running = (status.state as JsonObject | undefined)?.running as JsonObject | undefined;
      if (!running?.startedAt) continue;
      const container = String(status.name);
      const candidate: Candidate = {
        namespace,
        pod: pod.metadata.name!,
        container,
        host,
        labels,
        namespaceLabels: namespaces.get(namespace) ?? {},
      };
      out.push({
        candidate,
        origin: { namespace, pod: pod.metadata.name!, container, host, labels, application: applicationOf(labels) },
        pod,
        image: images.get(container) ?? String(status.image ?? ""),
        startedAt: new Date(String(running.startedAt)),
      });
    }
  }
  return out;
}

function readRecords(containers: RunningContainer[], from: number, until: number): LogRecord[] {
  const records: LogRecord[] = [];
  for (const c of containers) {
    const lines = containerLog(
      {
        seed: c.pod.metadata.uid!,
        container: c.origin.container,
        image: c.image,
        startedAt: c.startedAt,
        rate: logRate(c.pod.metadata.annotations),
      },
      from,
      new Date(until),
      MAX_LINES_PER_TICK,
    );
    for (const line of lines) {
      records.push({
        time: line.at.getTime(),
        origin: c.origin,
        record: {
          message: line.text,
          stream: "stdout",
          kubernetes: {
            namespace_name: c.origin.namespace,
            pod_name: c.origin.pod,
            container_name: c.origin.container,
            host: c.origin.host,
            labels: c.origin.labels,
            container_image: c.image,
            pod_id: c.pod.metadata.uid,
          },
        },
      });
    }
  }
  // Oldest first across containers, then bounded: the rest of the window is dropped, as an
  // overloaded collector would.
  records.sort((a, b) => a.time - b.time);
  return records.slice(0, MAX_LINES_PER_TICK);
}

interface Status {
  active: boolean;
  problems: string[];
  problemsCount: number;
}
const statusOf = (problems: string[], active: boolean): Status => ({
  active,
  problems: [...new Set(problems)],
  problemsCount: new Set(problems).size,
});

async function writeStatus(type: ResourceType, object: K8sObject, status: Status): Promise<void> {
  if (deepEqual(object.status ?? {}, status)) return;
  await Writer.run(async (w) => {
    const fresh = await w.get(type, object.metadata.namespace ?? "", object.metadata.name!);
    if (!fresh || fresh.metadata.uid !== object.metadata.uid || deepEqual(fresh.status ?? {}, status)) return;
    await updateObject(w, type, { ...fresh, status: { ...status } }, fresh, { status: true });
  });
}

interface OutputReport {
  type: ResourceType;
  object: K8sObject;
  problems: string[];
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;

/** One pass over every Flow and ClusterFlow. Tests call it directly; the leader runs it every second. */
export async function runLoggingOperatorOnce(now = Date.now()): Promise<void> {
  const s = state();
  while (s.running) await s.running.catch(() => undefined);
  const pass = onePass(s, now);
  s.running = pass;
  try {
    await pass;
  } finally {
    s.running = null;
  }
}

async function onePass(s: OperatorState, now: number): Promise<void> {
  const db = getDb();
  const types = await loggingTypes();
  if (!types.Flow || !types.Output) return;
  const flows = [
    ...(await readObjects(db, types.Flow)).map((o) => ({ type: types.Flow!, object: o })),
    ...(types.ClusterFlow
      ? (await readObjects(db, types.ClusterFlow, { namespace: CONTROL_NAMESPACE })).map((o) => ({
          type: types.ClusterFlow!,
          object: o,
        }))
      : []),
  ];
  const outputs = await readObjects(db, types.Output);
  const clusterOutputs = types.ClusterOutput
    ? await readObjects(db, types.ClusterOutput, { namespace: CONTROL_NAMESPACE })
    : [];
  const reports = new Map<string, OutputReport>();
  for (const o of outputs) reports.set(key(o), { type: types.Output, object: o, problems: [] });
  for (const o of clusterOutputs) reports.set(key(o), { type: types.ClusterOutput!, object: o, problems: [] });
  for (const r of reports.values()) {
    const problem = configurationProblem(r.object);
    if (problem) r.problems.push(problem);
  }

  const namespaceLabels = flows.length
    ? new Map((await readObjects(db, NAMESPACES)).map((n) => [n.metadata.name!, n.metadata.labels ?? {}]))
    : new Map<string, Record<string, string>>();
  const containers = flows.length ? runningContainers(await readObjects(db, PODS), namespaceLabels) : [];
  const secrets = new Map<string, Promise<K8sObject | null>>();
  const readSecret = (namespace: string, name: string) => {
    const id = `${namespace}/${name}`;
    if (!secrets.has(id)) secrets.set(id, readObject(db, SECRETS, namespace, name));
    return secrets.get(id)!;
  };

  const seen = new Set<string>();
  const metrics = new Map<string, ResourceGroup<OtlpMetric>>();
  const started = Date.now();
  const runnable: { type: ResourceType; flow: K8sObject; runtime: FlowRuntime }[] = [];
  for (const [index, { type, object: flow }] of flows.entries()) {
    if (index >= MAX_FLOWS) {
      await writeStatus(type, flow, statusOf([`the sandbox runs at most ${MAX_FLOWS} flows`], false));
      continue;
    }
    const uid = flow.metadata.uid!;
    seen.add(uid);
    let runtime = s.flows.get(uid);
    if (!runtime) {
      const created = Date.parse(flow.metadata.creationTimestamp ?? "") || now;
      runtime = { since: Math.max(created - 1000, now - 2000), total: 0, filters: newFilterState() };
      s.flows.set(uid, runtime);
    }
    runnable.push({ type, flow, runtime });
  }
  // The longest-waiting Flow first, so slow outputs delay others by a tick at most, never forever.
  runnable.sort((x, y) => x.runtime.since - y.runtime.since);
  for (const { type, flow, runtime } of runnable) {
    if (Date.now() - started > TICK_BUDGET_MS) break;
    const namespace = flow.metadata.namespace!;
    const from = Math.max(runtime.since, now - MAX_WINDOW_MS);
    const spec = flow.spec ?? {};
    const problems: string[] = [];
    const targets: OutputReport[] = [];
    const local = type.kind === "Flow" ? ((spec.localOutputRefs as string[] | undefined) ?? []) : [];
    const global = (spec.globalOutputRefs as string[] | undefined) ?? [];
    for (const name of local) {
      const found = reports.get(`Output/${namespace}/${name}`);
      if (found) targets.push(found);
      else problems.push(`dependent Output "${name}" is missing in namespace "${namespace}"`);
    }
    for (const name of global) {
      const found = reports.get(`ClusterOutput/${CONTROL_NAMESPACE}/${name}`);
      if (found) targets.push(found);
      else problems.push(`dependent ClusterOutput "${name}" is missing in namespace "${CONTROL_NAMESPACE}"`);
    }
    if (local.length + global.length === 0) problems.push("the flow references no outputs");

    const inScope = containers.filter(
      (c) => (type.kind === "ClusterFlow" || c.candidate.namespace === namespace) && selects(spec.match, c.candidate),
    );
    const records = await applyFilters(
      spec.filters,
      readRecords(inScope, from, now),
      runtime.filters,
      flow.metadata.uid!,
    );
    let shipped = 0;
    const answers = await Promise.all(targets.map((t) => deliver(t.object, records, readSecret)));
    for (const [i, target] of targets.entries()) {
      const problem = answers[i];
      if (problem) {
        target.problems.push(problem);
        problems.push(`${target.object.kind} "${target.object.metadata.name}": ${problem}`);
      } else shipped++;
    }
    runtime.since = now;
    runtime.total += shipped ? records.length : 0;
    await writeStatus(type, flow, statusOf(problems, shipped > 0));

    const group = metrics.get(namespace) ?? {
      resource: { "k8s.namespace.name": namespace, "service.name": "logging-operator" },
      items: [],
    };
    const labels = { flow: flow.metadata.name!, kind: type.kind, namespace };
    const counter = (name: string, description: string, value: number, extra: Record<string, string> = {}) =>
      group.items.push({
        scope: { name: "facet-sandbox-logging-operator", version: "" },
        item: {
          name,
          description,
          unit: "1",
          type: "sum",
          temporality: 2,
          monotonic: true,
          points: [{ attributes: { ...extra, ...labels }, timeNs: now * 1e6, value }],
        },
      });
    counter(FLOW_LINES_METRIC, "Log lines a Flow shipped to its outputs", runtime.total);
    // A prometheus filter named like the operator's own counter (the API's line counter) is that
    // counter; one series per flow keeps the chart's rate sound.
    for (const c of runtime.filters.counters.values())
      if (c.name !== FLOW_LINES_METRIC) counter(c.name, "prometheus filter counter", c.value, c.labels);
    metrics.set(namespace, group);
  }
  for (const uid of s.flows.keys()) if (!seen.has(uid)) s.flows.delete(uid);

  for (const r of reports.values()) await writeStatus(r.type, r.object, statusOf(r.problems, r.problems.length === 0));
  const clusterId = await sandboxClusterId();
  if (clusterId !== null && metrics.size) {
    const principal: IngestPrincipal = { tokenId: 0, clusterId, pinnedNamespace: null };
    await ingestMetrics(principal, [...metrics.values()]);
  }
}

function schedule(s: OperatorState, ms: number) {
  clearTimeout(s.timer);
  s.timer = setTimeout(() => {
    if (s.stopped) return;
    void runLoggingOperatorOnce()
      .catch((error: unknown) => logger.warn({ err: error }, "sandbox logging operator pass failed"))
      .finally(() => {
        if (!s.stopped && peekProcessSingleton(STATE) === s) schedule(s, tickMs());
      });
  }, ms);
  s.timer.unref?.();
}

export function startLoggingOperator(): void {
  const s = state();
  if (!s.stopped) return;
  s.stopped = false;
  schedule(s, tickMs());
}

/** Stops the loop; the next leader starts each Flow from its own present. */
export function stopLoggingOperator(): void {
  const s = peekProcessSingleton<OperatorState>(STATE);
  if (!s) return;
  s.stopped = true;
  clearTimeout(s.timer);
  dropProcessSingleton(STATE);
}
