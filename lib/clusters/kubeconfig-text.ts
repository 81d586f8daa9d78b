import type { Cluster, Context, User } from "@kubernetes/client-node";
import { stringify } from "yaml";
import type { KubeconfigOptions } from "./kubeconfig";

// Only the fields the parser accepts, in kubectl's own layout, so a stored kubeconfig always
// parses back to the same options (client-node's exportConfig() adds fields the parser refuses).
const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false));

const clusterOf = (c: Cluster) =>
  defined({
    server: c.server,
    "certificate-authority-data": c.caData,
    "insecure-skip-tls-verify": c.skipTLSVerify,
    "tls-server-name": c.tlsServerName,
  });
const userOf = (u: User) =>
  defined({
    token: u.token,
    "client-certificate-data": u.certData,
    "client-key-data": u.keyData,
    username: u.username,
    password: u.password,
  });
const contextOf = (c: Context) => defined({ cluster: c.cluster, user: c.user, namespace: c.namespace });

/** Kubeconfig YAML from parsed options (the `yaml` package, not string building). */
export function kubeconfigText(options: KubeconfigOptions): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: options.clusters.map((c) => ({ name: c.name, cluster: clusterOf(c) })),
    users: options.users.map((u) => ({ name: u.name, user: userOf(u) })),
    contexts: options.contexts.map((c) => ({ name: c.name, context: contextOf(c) })),
    "current-context": options.currentContext,
  });
}
