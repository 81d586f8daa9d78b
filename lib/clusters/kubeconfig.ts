import "server-only";
import { KubeConfig, type Cluster, type Context, type User } from "@kubernetes/client-node";
import { load, YAMLException } from "js-yaml";
import { AppError } from "@/lib/errors";
import { kubeconfigText } from "./kubeconfig-text";

export interface KubeconfigOptions {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string;
}

export interface ParsedKubeconfig {
  /** Load these into a KubeConfig (the cluster client adds the egress check and a timeout). */
  options: KubeconfigOptions;
  kc: KubeConfig;
  server: string;
  /** What Facet stores: the accepted fields only, in kubeconfig layout; parses back the same. */
  sanitized: string;
}

const MAX_BYTES = 256 * 1024;
const FIELD = "body.kubeconfig";

const invalid = (message: string) =>
  new AppError("VALIDATION", `The kubeconfig is not usable: ${message}`, { errors: [{ path: FIELD, message }] });

// Fields that make client-node run a program or read a file of the Facet host, or send
// traffic around the egress policy. Named, so the refusal says what to change.
const FORBIDDEN_USER: Record<string, string> = {
  exec: "exec plugins run a program on the Facet server; use a token or client-certificate-data",
  "auth-provider": "auth-provider plugins are not supported; use a token or client-certificate-data",
  "token-file": "token-file reads a file of the Facet server; put the token inline",
  tokenFile: "tokenFile reads a file of the Facet server; put the token inline",
  "client-certificate": "client-certificate is a file path; use client-certificate-data",
  "client-key": "client-key is a file path; use client-key-data",
};
const FORBIDDEN_CLUSTER: Record<string, string> = {
  "certificate-authority": "certificate-authority is a file path; use certificate-authority-data",
  "proxy-url": "proxy-url is not supported: Facet connects to the API server directly",
};
const USER_FIELDS = ["token", "client-certificate-data", "client-key-data", "username", "password", "extensions"];
const CLUSTER_FIELDS = [
  "server",
  "certificate-authority-data",
  "insecure-skip-tls-verify",
  "tls-server-name",
  "disable-compression",
  "extensions",
];
const CONTEXT_FIELDS = ["cluster", "user", "namespace", "extensions"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function entries(
  doc: Obj,
  key: "clusters" | "users" | "contexts",
  inner: "cluster" | "user" | "context",
): { name: string; body: Obj }[] {
  const list = doc[key] ?? [];
  if (!Array.isArray(list)) throw invalid(`'${key}' must be a list`);
  if (list.length > 100) throw invalid(`'${key}' has more than 100 entries`);
  return list.map((item, i) => {
    if (!isObj(item) || typeof item.name !== "string" || !item.name) throw invalid(`${key}[${i}] needs a name`);
    const body = item[inner] ?? {};
    if (!isObj(body)) throw invalid(`${key}[${i}].${inner} must be a mapping`);
    return { name: item.name, body };
  });
}

function checkFields(where: string, body: Obj, allowed: string[], forbidden: Record<string, string> = {}): void {
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(forbidden, key)) throw invalid(`${where}: ${forbidden[key]}`);
    if (!allowed.includes(key)) throw invalid(`${where}: the field '${key.slice(0, 64)}' is not supported`);
  }
}

function str(where: string, value: unknown, optional = true): string | undefined {
  if (value === undefined || value === null) {
    if (optional) return undefined;
    throw invalid(`${where} is missing`);
  }
  if (typeof value !== "string") throw invalid(`${where} must be a string`);
  return value;
}

/**
 * Reads a kubeconfig with the parser client-node itself uses (js-yaml: merge keys, anchors),
 * keeps only inline credentials and addresses, and builds the KubeConfig from exactly what was
 * checked. client-node never parses the text, so nothing it would load can escape the check.
 */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  if (Buffer.byteLength(text) > MAX_BYTES) throw invalid("it is larger than 256 KB");
  let doc: unknown;
  try {
    doc = load(text, { json: false });
  } catch (error) {
    const e = error as YAMLException;
    throw invalid(
      `YAML error at line ${(e.mark?.line ?? -1) + 1}: ${e.reason ?? e.message}`.replace("line 0", "line ?"),
    );
  }
  if (!isObj(doc)) throw invalid("it is empty or not a mapping");

  const clusters: Cluster[] = entries(doc, "clusters", "cluster").map(({ name, body }) => {
    const where = `cluster '${name}'`;
    checkFields(where, body, CLUSTER_FIELDS, FORBIDDEN_CLUSTER);
    const skip = body["insecure-skip-tls-verify"];
    if (skip !== undefined && typeof skip !== "boolean")
      throw invalid(`${where}: insecure-skip-tls-verify must be true or false`);
    const server = str(`${where}: server`, body.server, false)!.replace(/\/+$/, "");
    return {
      name,
      server,
      caData: str(`${where}: certificate-authority-data`, body["certificate-authority-data"]),
      skipTLSVerify: skip === true,
      tlsServerName: str(`${where}: tls-server-name`, body["tls-server-name"]),
    };
  });
  const users: User[] = entries(doc, "users", "user").map(({ name, body }) => {
    const where = `user '${name}'`;
    checkFields(where, body, USER_FIELDS, FORBIDDEN_USER);
    return {
      name,
      token: str(`${where}: token`, body.token),
      certData: str(`${where}: client-certificate-data`, body["client-certificate-data"]),
      keyData: str(`${where}: client-key-data`, body["client-key-data"]),
      username: str(`${where}: username`, body.username),
      password: str(`${where}: password`, body.password),
    };
  });
  const contexts: Context[] = entries(doc, "contexts", "context").map(({ name, body }) => {
    const where = `context '${name}'`;
    checkFields(where, body, CONTEXT_FIELDS);
    return {
      name,
      cluster: str(`${where}: cluster`, body.cluster, false)!,
      user: str(`${where}: user`, body.user, false)!,
      namespace: str(`${where}: namespace`, body.namespace),
    };
  });
  const currentContext = str("current-context", doc["current-context"]);

  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters, users, contexts, currentContext });
  const cluster = kc.getCurrentCluster();
  if (!currentContext || !kc.getCurrentContext() || !cluster)
    throw invalid("it has no current-context pointing at a cluster");
  if (!kc.getCurrentUser()) throw invalid("its current context names no user");
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    throw invalid(`the server '${cluster.server.slice(0, 200)}' is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalid(`the server '${cluster.server.slice(0, 200)}' is not an http(s) URL`);
  // The address without userinfo: it is shown to people, and kubectl-style URLs may carry a token.
  url.username = "";
  url.password = "";
  return {
    options: { clusters, users, contexts, currentContext },
    kc,
    server: url.toString().replace(/\/$/, ""),
    sanitized: kubeconfigText({ clusters, users, contexts, currentContext }),
  };
}
