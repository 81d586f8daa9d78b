import "server-only";
import type { Attributes, AttrValue } from "../otlp/model";
import { namespaceId, resourceId } from "../store/dictionary";
import { namespaceOwner } from "./owner";

/** Who is writing: a cluster-wide token, or one pinned to an environment's namespace. */
export interface IngestPrincipal {
  tokenId: number;
  clusterId: number;
  /** Set for environment tokens: the only namespace they may write. */
  pinnedNamespace: string | null;
  /** The environment an environment token belongs to; left out, the namespace's owner is looked up. */
  environmentId?: number | null;
}

export interface ResolvedResource {
  nsId: number;
  resourceId: number;
  service: string;
  pod: string | null;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const str = (v: AttrValue | undefined): string | null => (typeof v === "string" && v !== "" ? v : null);

/**
 * The namespace a resource belongs to (k8s.namespace.name, else namespace), checked against
 * the token: an environment token may only write its own namespace (and fills it in when the
 * resource names none); a cluster token needs the resource to name one.
 */
export function namespaceFor(
  principal: IngestPrincipal,
  resource: Attributes,
): { namespace: string } | { rejected: string } {
  const claimed = str(resource["k8s.namespace.name"]) ?? str(resource.namespace);
  if (principal.pinnedNamespace) {
    if (claimed && claimed !== principal.pinnedNamespace)
      return { rejected: `namespace '${claimed}' is not the token's namespace '${principal.pinnedNamespace}'` };
    return { namespace: principal.pinnedNamespace };
  }
  if (!claimed) return { rejected: "the resource has no k8s.namespace.name attribute; a cluster token needs it" };
  if (claimed.length > 63 || !NAMESPACE.test(claimed))
    return { rejected: `'${claimed.slice(0, 80)}' is not a namespace name` };
  return { namespace: claimed };
}

/** Stable JSON of a resource (sorted keys) so equal resources share one row. */
export function canonicalJson(attributes: Attributes): string {
  const sorted: Attributes = {};
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
  return JSON.stringify(sorted);
}

/** The resource's telemetry identity: the namespace under the environment the write belongs to. */
export async function resolveResource(
  principal: IngestPrincipal,
  namespace: string,
  resource: Attributes,
): Promise<ResolvedResource> {
  const { clusterId } = principal;
  const environmentId = principal.environmentId ?? (await namespaceOwner(clusterId, namespace));
  const nsId = await namespaceId({ clusterId, namespace, environmentId });
  const service = (str(resource["service.name"]) ?? "unknown_service").slice(0, 128);
  const pod = str(resource["k8s.pod.name"])?.slice(0, 253) ?? null;
  return { nsId, service, pod, resourceId: await resourceId(nsId, service, canonicalJson(resource)) };
}
