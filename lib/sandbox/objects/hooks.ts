import "server-only";
import { admitPodLimits } from "../admission/limit-ranger";
import { admitPodSecurity } from "../admission/pod-security";
import { admitQuota, refreshQuotaStatus } from "../admission/resource-quota";
import { EVENTS, LIMIT_RANGES, NAMESPACES, PODS, SERVICE_ACCOUNTS, SERVICES } from "../builtin-resources";
import { K8sError, notFound } from "../k8s-error";
import { qualifiedResource, type K8sObject, type ResourceType } from "../types";
import type { Writer } from "../store/writer";
import { prepareForCreate } from "./metadata";
import { allocateServiceAddresses } from "./service-ips";

// What the admission chain and the synchronous parts of controllers do around a write.

async function requireActiveNamespace(w: Writer, type: ResourceType, object: K8sObject): Promise<void> {
  const name = object.metadata.namespace!;
  const namespace = await w.get(NAMESPACES, "", name);
  if (!namespace) throw notFound(NAMESPACES, name);
  if (namespace.metadata.deletionTimestamp) {
    throw new K8sError(
      403,
      "Forbidden",
      `${qualifiedResource(type)} "${object.metadata.name}" is forbidden: unable to create new content in namespace ${name} because it is being terminated`,
      {
        name: object.metadata.name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.resource,
        causes: [
          {
            reason: "NamespaceTerminating",
            message: `namespace ${name} is being terminated`,
            field: "metadata.namespace",
          },
        ],
      },
    );
  }
}

export async function beforeCreate(w: Writer, type: ResourceType, object: K8sObject): Promise<void> {
  if (type.namespaced) await requireActiveNamespace(w, type, object);
  if (type === PODS) admitPodLimits(object, await w.list(LIMIT_RANGES, { namespace: object.metadata.namespace }));
  if (type === PODS) await admitPodSecurity(w, object);
  if (type === SERVICES) await allocateServiceAddresses(w, object);
  if (type.namespaced && type !== EVENTS) await admitQuota(w, type, object);
}

export async function afterCreate(w: Writer, type: ResourceType, object: K8sObject): Promise<void> {
  if (type === NAMESPACES) {
    // The service account controller's job, done at once so pods can name "default" immediately.
    const account: K8sObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default" } };
    prepareForCreate(SERVICE_ACCOUNTS, account, object.metadata.name!);
    await w.insert(SERVICE_ACCOUNTS, account);
  }
  if (type.namespaced && type !== EVENTS) await refreshQuotaStatus(w, object.metadata.namespace!);
}

/** Services keep their allocated addresses when an update leaves them out (PrepareForUpdate). */
export async function beforeUpdate(
  w: Writer,
  type: ResourceType,
  object: K8sObject,
  previous: K8sObject,
): Promise<void> {
  // An update may not turn an admitted pod into a forbidden one (status writes leave the spec alone).
  if (type === PODS && JSON.stringify(object.spec) !== JSON.stringify(previous.spec)) await admitPodSecurity(w, object);
  if (type !== SERVICES) return;
  const spec = (object.spec ??= {});
  const old = previous.spec ?? {};
  if (!spec.clusterIP && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = old.clusterIPs;
  }
  const oldPorts = (old.ports as { port?: number; nodePort?: number }[] | undefined) ?? [];
  for (const port of (spec.ports as { port?: number; nodePort?: number }[] | undefined) ?? []) {
    port.nodePort ??= oldPorts.find((p) => p.port === port.port)?.nodePort;
    if (port.nodePort === undefined) delete port.nodePort;
  }
  await allocateServiceAddresses(w, object);
}

export async function afterUpdate(
  w: Writer,
  type: ResourceType,
  object: K8sObject,
  previous: K8sObject,
): Promise<void> {
  const phaseChanged = type === PODS && object.status?.phase !== previous.status?.phase;
  const quotaChanged = type.kind === "ResourceQuota" && !type.custom;
  const servicesChanged = type === SERVICES && object.spec?.type !== previous.spec?.type;
  if (phaseChanged || quotaChanged || servicesChanged) await refreshQuotaStatus(w, object.metadata.namespace!);
}

export async function afterRemove(w: Writer, type: ResourceType, object: K8sObject): Promise<void> {
  if (type.namespaced && type !== EVENTS) await refreshQuotaStatus(w, object.metadata.namespace!);
}
