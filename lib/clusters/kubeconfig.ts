import "server-only";
import { KubeConfig } from "@kubernetes/client-node";
import { parseDocument } from "yaml";
import { AppError } from "@/lib/errors";

export interface ParsedKubeconfig {
  kc: KubeConfig;
  server: string;
}

const invalid = (message: string) => new AppError("VALIDATION", `The kubeconfig is not usable: ${message}`, { errors: [{ path: "body.kubeconfig", message }] });

/** Parses a pasted kubeconfig; a YAML error names its line. Only inline credentials are
 *  accepted: file references and exec plugins would reach into the server's own files. */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw invalid(`YAML error at line ${e.linePos?.[0].line ?? "?"}: ${e.message.split("\n")[0]}`);
  }
  const raw = doc.toJS() as Record<string, unknown> | null;
  if (!raw || typeof raw !== "object") throw invalid("it is empty");
  for (const u of (raw.users as { user?: Record<string, unknown> }[] | undefined) ?? []) {
    const user = u.user ?? {};
    if (user.exec || user["auth-provider"] || user["client-certificate"] || user["client-key"] || user.tokenFile || user["token-file"]) {
      throw invalid("credentials must be inline (token or client-certificate-data); exec plugins and file paths are not allowed");
    }
  }
  for (const c of (raw.clusters as { cluster?: Record<string, unknown> }[] | undefined) ?? []) {
    if (c.cluster?.["certificate-authority"]) throw invalid("use certificate-authority-data, not a file path");
  }
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const cluster = kc.getCurrentCluster();
  if (!kc.getCurrentContext() || !cluster) throw invalid("it has no current-context pointing at a cluster");
  if (!kc.getCurrentUser()) throw invalid("its current context names no user");
  if (!/^https?:\/\//.test(cluster.server)) throw invalid(`the server '${cluster.server}' is not an http(s) URL`);
  // The address without userinfo: it is shown to people, and kubectl-style URLs may carry a token.
  const shown = new URL(cluster.server);
  shown.username = "";
  shown.password = "";
  return { kc, server: shown.toString().replace(/\/$/, "") };
}
