import { fieldValue } from "./selectors/fields";
import { formatLabelSelector, fromStructured } from "./selectors/labels";
import type { JsonObject, K8sObject, PrinterColumn } from "./types";

// Server-side printing (pkg/printers/internalversion) for the kinds kubectl shows most: the
// same columns, so `kubectl get` output looks like a real cluster's.

export interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
}

export interface Printer {
  columns: Column[];
  cells: (o: K8sObject, now: number) => unknown[];
}

export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8)
    return days % 365 === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

const age = (o: K8sObject, now: number) =>
  o.metadata.creationTimestamp ? humanDuration(now - Date.parse(o.metadata.creationTimestamp)) : "<unknown>";
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const s = (name: string, priority = 0): Column => ({ name, type: "string", priority });
const i = (name: string, priority = 0): Column => ({ name, type: "integer", priority });
const NAME: Column = { name: "Name", type: "string", format: "name" };
const AGE = s("Age");

function podStatus(pod: K8sObject): { ready: string; status: string; restarts: number } {
  const containers = (pod.spec?.containers as JsonObject[] | undefined) ?? [];
  const statuses = (pod.status?.containerStatuses as JsonObject[] | undefined) ?? [];
  let status = String(pod.status?.reason ?? pod.status?.phase ?? "Pending");
  for (const cs of statuses) {
    const state = (cs.state ?? {}) as JsonObject;
    const waiting = state.waiting as JsonObject | undefined;
    const terminated = state.terminated as JsonObject | undefined;
    if (waiting?.reason) status = String(waiting.reason);
    else if (terminated?.reason) status = String(terminated.reason);
  }
  if (pod.metadata.deletionTimestamp) status = "Terminating";
  const ready = statuses.filter((c) => c.ready).length;
  return {
    ready: `${ready}/${containers.length}`,
    status,
    restarts: statuses.reduce((n, c) => n + num(c.restartCount), 0),
  };
}

function images(template: JsonObject | undefined): [string, string] {
  const containers = ((template?.spec as JsonObject | undefined)?.containers as JsonObject[] | undefined) ?? [];
  return [containers.map((c) => c.name).join(","), containers.map((c) => c.image).join(",")];
}

const selectorText = (o: K8sObject) =>
  formatLabelSelector(fromStructured(o.spec?.selector as JsonObject | undefined)) || "<none>";

function servicePorts(o: K8sObject): string {
  const ports = (o.spec?.ports as JsonObject[] | undefined) ?? [];
  if (ports.length === 0) return "<none>";
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(",");
}

function resourceList(values: JsonObject | undefined, used: JsonObject | undefined, prefix: string): string {
  return Object.keys(values ?? {})
    .filter((k) => (prefix === "limits" ? k.startsWith("limits.") : !k.startsWith("limits.")))
    .sort()
    .map((k) => `${k}: ${used?.[k] ?? "0"}/${values![k]}`)
    .join(", ");
}

export const PRINTERS: Record<string, Printer> = {
  Pod: {
    columns: [
      NAME,
      s("Ready"),
      s("Status"),
      i("Restarts"),
      AGE,
      s("IP", 1),
      s("Node", 1),
      s("Nominated Node", 1),
      s("Readiness Gates", 1),
    ],
    cells: (o, now) => {
      const p = podStatus(o);
      return [
        o.metadata.name,
        p.ready,
        p.status,
        p.restarts,
        age(o, now),
        o.status?.podIP ?? "<none>",
        o.spec?.nodeName ?? "<none>",
        "<none>",
        "<none>",
      ];
    },
  },
  Deployment: {
    columns: [
      NAME,
      s("Ready"),
      i("Up-to-date"),
      i("Available"),
      AGE,
      s("Containers", 1),
      s("Images", 1),
      s("Selector", 1),
    ],
    cells: (o, now) => [
      o.metadata.name,
      `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas)}`,
      num(o.status?.updatedReplicas),
      num(o.status?.availableReplicas),
      age(o, now),
      ...images(o.spec?.template as JsonObject),
      selectorText(o),
    ],
  },
  ReplicaSet: {
    columns: [NAME, i("Desired"), i("Current"), i("Ready"), AGE, s("Containers", 1), s("Images", 1), s("Selector", 1)],
    cells: (o, now) => [
      o.metadata.name,
      num(o.spec?.replicas),
      num(o.status?.replicas),
      num(o.status?.readyReplicas),
      age(o, now),
      ...images(o.spec?.template as JsonObject),
      selectorText(o),
    ],
  },
  StatefulSet: {
    columns: [NAME, s("Ready"), AGE, s("Containers", 1), s("Images", 1)],
    cells: (o, now) => [
      o.metadata.name,
      `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas)}`,
      age(o, now),
      ...images(o.spec?.template as JsonObject),
    ],
  },
  DaemonSet: {
    columns: [
      NAME,
      i("Desired"),
      i("Current"),
      i("Ready"),
      i("Up-to-date"),
      i("Available"),
      s("Node Selector"),
      AGE,
      s("Containers", 1),
      s("Images", 1),
      s("Selector", 1),
    ],
    cells: (o, now) => {
      const st = o.status ?? {};
      const nodeSelector = ((o.spec?.template as JsonObject | undefined)?.spec as JsonObject | undefined)
        ?.nodeSelector as Record<string, string> | undefined;
      const ns =
        Object.entries(nodeSelector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(",") || "<none>";
      return [
        o.metadata.name,
        num(st.desiredNumberScheduled),
        num(st.currentNumberScheduled),
        num(st.numberReady),
        num(st.updatedNumberScheduled),
        num(st.numberAvailable),
        ns,
        age(o, now),
        ...images(o.spec?.template as JsonObject),
        selectorText(o),
      ];
    },
  },
  Service: {
    columns: [NAME, s("Type"), s("Cluster-IP"), s("External-IP"), s("Port(s)"), AGE, s("Selector", 1)],
    cells: (o, now) => {
      const selector =
        Object.entries((o.spec?.selector as Record<string, string> | undefined) ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(",") || "<none>";
      const external = o.spec?.type === "LoadBalancer" ? "<pending>" : "<none>";
      return [
        o.metadata.name,
        o.spec?.type,
        o.spec?.clusterIP ?? "<none>",
        external,
        servicePorts(o),
        age(o, now),
        selector,
      ];
    },
  },
  Namespace: {
    columns: [NAME, s("Status"), AGE],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? "Active", age(o, now)],
  },
  Node: {
    columns: [
      NAME,
      s("Status"),
      s("Roles"),
      AGE,
      s("Version"),
      s("Internal-IP", 1),
      s("External-IP", 1),
      s("OS-Image", 1),
      s("Kernel-Version", 1),
      s("Container-Runtime", 1),
    ],
    cells: (o, now) => {
      const ready = ((o.status?.conditions as JsonObject[] | undefined) ?? []).find((c) => c.type === "Ready");
      const info = (o.status?.nodeInfo ?? {}) as JsonObject;
      const ip =
        ((o.status?.addresses as JsonObject[] | undefined) ?? []).find((a) => a.type === "InternalIP")?.address ??
        "<none>";
      return [
        o.metadata.name,
        ready?.status === "True" ? "Ready" : "NotReady",
        "<none>",
        age(o, now),
        info.kubeletVersion,
        ip,
        "<none>",
        info.osImage,
        info.kernelVersion,
        info.containerRuntimeVersion,
      ];
    },
  },
  ConfigMap: {
    columns: [NAME, i("Data"), AGE],
    cells: (o, now) => [
      o.metadata.name,
      Object.keys({ ...(o.data as object), ...(o.binaryData as object) }).length,
      age(o, now),
    ],
  },
  Secret: {
    columns: [NAME, s("Type"), i("Data"), AGE],
    cells: (o, now) => [o.metadata.name, o.type, Object.keys((o.data as object) ?? {}).length, age(o, now)],
  },
  ServiceAccount: {
    columns: [NAME, i("Secrets"), AGE],
    cells: (o, now) => [o.metadata.name, ((o.secrets as unknown[]) ?? []).length, age(o, now)],
  },
  ResourceQuota: {
    columns: [NAME, AGE, s("Request"), s("Limit")],
    cells: (o, now) => [
      o.metadata.name,
      age(o, now),
      resourceList(o.status?.hard as JsonObject, o.status?.used as JsonObject, "requests"),
      resourceList(o.status?.hard as JsonObject, o.status?.used as JsonObject, "limits"),
    ],
  },
  LimitRange: { columns: [NAME, s("Created At")], cells: (o) => [o.metadata.name, o.metadata.creationTimestamp] },
  Event: {
    columns: [
      s("Last Seen"),
      s("Type"),
      s("Reason"),
      s("Object"),
      s("Message"),
      s("Subobject", 1),
      s("Source", 1),
      s("First Seen", 1),
      i("Count", 1),
      { ...NAME, name: "Name", priority: 1 },
    ],
    cells: (o, now) => {
      const involved = (o.involvedObject ?? {}) as JsonObject;
      const last = o.lastTimestamp ? humanDuration(now - Date.parse(String(o.lastTimestamp))) : "<unknown>";
      const first = o.firstTimestamp ? humanDuration(now - Date.parse(String(o.firstTimestamp))) : "<unknown>";
      const source = (o.source ?? {}) as JsonObject;
      return [
        last,
        o.type,
        o.reason,
        `${String(involved.kind ?? "").toLowerCase()}/${involved.name}`,
        o.message,
        involved.fieldPath ?? "",
        source.host ? `${source.component}, ${source.host}` : source.component,
        first,
        o.count ?? 1,
        o.metadata.name,
      ];
    },
  },
  NetworkPolicy: {
    columns: [NAME, s("Pod-Selector"), AGE],
    cells: (o, now) => [
      o.metadata.name,
      formatLabelSelector(fromStructured(o.spec?.podSelector as JsonObject)) || "<none>",
      age(o, now),
    ],
  },
  Ingress: {
    columns: [NAME, s("Class"), s("Hosts"), s("Address"), s("Ports"), AGE],
    cells: (o, now) => {
      const rules = (o.spec?.rules as JsonObject[] | undefined) ?? [];
      const hosts = rules.map((r) => r.host ?? "*").join(",") || "*";
      const ports = (o.spec?.tls as unknown[] | undefined)?.length ? "80, 443" : "80";
      return [o.metadata.name, o.spec?.ingressClassName ?? "<none>", hosts, "", ports, age(o, now)];
    },
  },
  CustomResourceDefinition: {
    columns: [NAME, s("Created At")],
    cells: (o) => [o.metadata.name, o.metadata.creationTimestamp],
  },
};

/** A printer from a CRD's additionalPrinterColumns (simple `.a.b` JSON paths). */
export function customPrinter(columns: PrinterColumn[] | undefined): Printer {
  const extra = columns ?? [];
  const hasAge = extra.some((c) => c.jsonPath === ".metadata.creationTimestamp");
  return {
    columns: [
      NAME,
      ...extra.map((c) => ({
        name: c.name,
        type: c.type === "date" ? "string" : c.type,
        format: c.format,
        priority: c.priority ?? 0,
      })),
      ...(hasAge ? [] : [AGE]),
    ],
    cells: (o, now) => [
      o.metadata.name,
      ...extra.map((c) => {
        const raw = fieldValue(o, c.jsonPath.replace(/^\./, ""));
        if (c.type === "date" && raw) return humanDuration(now - Date.parse(raw));
        if ((c.type === "integer" || c.type === "number") && raw !== "") return Number(raw);
        return raw === "" ? "<none>" : raw;
      }),
      ...(hasAge ? [] : [age(o, now)]),
    ],
  };
}
