import "server-only";
import type { ResourceGroup } from "../otlp/model";
import { namespaceFor, resolveResource, type IngestPrincipal, type ResolvedResource } from "./resource";

export interface AcceptedGroups<T> {
  /** The groups the principal may write, each with its resolved resource, in request order. */
  accepted: { resource: ResolvedResource; items: ResourceGroup<T>["items"] }[];
  /** How many items (as `size` counts them) the other groups held, and why they were refused. */
  rejected: number;
  reasons: Set<string>;
}

/** Splits one request's resource groups by whether their namespace may be written with this
 *  token; empty groups are dropped without resolving their resource. */
export async function acceptedGroups<T>(
  principal: IngestPrincipal,
  groups: ResourceGroup<T>[],
  size: (items: ResourceGroup<T>["items"]) => number = (items) => items.length,
): Promise<AcceptedGroups<T>> {
  const out: AcceptedGroups<T> = { accepted: [], rejected: 0, reasons: new Set() };
  for (const group of groups) {
    const ns = namespaceFor(principal, group.resource);
    if ("rejected" in ns) {
      out.rejected += size(group.items);
      out.reasons.add(ns.rejected);
      continue;
    }
    if (!size(group.items)) continue;
    out.accepted.push({ resource: await resolveResource(principal, ns.namespace, group.resource), items: group.items });
  }
  return out;
}
