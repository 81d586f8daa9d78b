import type { ClusterRow } from "@/lib/db/schema";

/** How this process reaches its own sandbox API (loopback, whatever address users browse). */
export function internalSandboxServer(): string {
  const base = process.env.FACET_INTERNAL_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  return `${base.replace(/\/+$/, "")}/sandbox/k8s`;
}

/**
 * This Facet's origin as a cluster's pods reach it (a Loki output's url, the OTLP endpoint of
 * injected applications): the sandbox runs in this process; other clusters use AUTH_URL.
 */
export function facetPushUrl(cluster: Pick<ClusterRow, "kind">): string {
  const internal = internalSandboxServer().replace(/\/sandbox\/k8s$/, "");
  const configured = process.env.AUTH_URL;
  return cluster.kind === "sandbox" || !configured ? internal : new URL(configured).origin;
}
