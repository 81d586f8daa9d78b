import "server-only";
import { ApiException } from "@kubernetes/client-node";
import type { ClusterClient } from "../client";
import { LABEL, MANAGED_BY } from "./labels";
import type { EnvironmentSpec } from "./render";

const notFound = (e: unknown) => e instanceof ApiException && e.code === 404;

/** Whether the labels say the namespace is this environment's (as Facet labels it). */
export function labelledFor(
  labels: Record<string, string> | undefined,
  s: Pick<EnvironmentSpec, "tenant" | "environment">,
): boolean {
  return (
    labels?.[Object.keys(MANAGED_BY)[0]] === "facet" &&
    labels?.[LABEL.tenant] === s.tenant &&
    labels?.[LABEL.environment] === s.environment
  );
}

/** An environment that was to create its namespace never takes over one that appeared
 *  meanwhile (made by hand, or left by someone else): it stops with the reason instead. */
export async function assertNamespaceOwned(client: ClusterClient, s: EnvironmentSpec): Promise<void> {
  if (!s.namespaceCreated) return;
  let labels: Record<string, string> | undefined;
  try {
    labels = (await client.core.readNamespace({ name: s.namespace })).metadata?.labels ?? {};
  } catch (error) {
    if (notFound(error)) return;
    throw error;
  }
  if (!labelledFor(labels, s))
    throw new Error(
      `Namespace '${s.namespace}' exists on the cluster but Facet did not create it for this environment; it is left untouched.`,
    );
}
