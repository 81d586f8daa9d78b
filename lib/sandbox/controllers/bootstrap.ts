import "server-only";
import { NAMESPACES, NODES, SERVICES } from "../builtin-resources";
import { NODE_IP, NODE_NAME } from "../config";
import { K8sError } from "../k8s-error";
import { seedLoggingOperator } from "../logging/crds";
import { createObject } from "../objects/create-object";
import { Writer } from "../store/writer";
import type { K8sObject, ResourceType } from "../types";
import { timestamp } from "../util";

// What a fresh cluster has: the system namespaces, one Ready node, the kubernetes service and
// the Logging Operator's CRDs with its control namespace.

function node(): K8sObject {
  const now = timestamp();
  const resources = { cpu: "4", memory: "16Gi", pods: "110", "ephemeral-storage": "100Gi" };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: NODE_NAME,
      labels: {
        "kubernetes.io/hostname": NODE_NAME,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "beta.kubernetes.io/arch": "amd64",
      },
    },
    spec: { podCIDR: "10.244.0.0/16", podCIDRs: ["10.244.0.0/16"] },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: NODE_IP },
        { type: "Hostname", address: NODE_NAME },
      ],
      nodeInfo: {
        machineID: "facet-sandbox",
        systemUUID: "facet-sandbox",
        bootID: "facet-sandbox",
        kernelVersion: "6.1.0-sandbox",
        osImage: "Facet Sandbox",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.0",
        kubeProxyVersion: "v1.32.0",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

const SEED: [ResourceType, string, K8sObject][] = [
  ...["default", "kube-system", "kube-public", "kube-node-lease"].map((name): [ResourceType, string, K8sObject] => [
    NAMESPACES,
    "",
    { apiVersion: "v1", kind: "Namespace", metadata: { name } },
  ]),
  [NODES, "", node()],
  [
    SERVICES,
    "default",
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
    },
  ],
];

let seeded: Promise<void> | null = null;

/** Creates the cluster's built-in objects once; safe when several processes race. */
export function ensureClusterSeeded(): Promise<void> {
  seeded ??= (async () => {
    for (const [type, namespace, object] of SEED) {
      await Writer.run(async (w) => {
        if (await w.get(type, namespace, object.metadata.name!)) return;
        await createObject(w, type, object, namespace);
      }).catch((error: unknown) => {
        const duplicate = (error as { cause?: { code?: string } })?.cause?.code === "ER_DUP_ENTRY";
        if (!(error instanceof K8sError && error.reason === "AlreadyExists") && !duplicate) throw error;
      });
    }
    await seedLoggingOperator();
  })().catch((error: unknown) => {
    seeded = null;
    throw error;
  });
  return seeded;
}
