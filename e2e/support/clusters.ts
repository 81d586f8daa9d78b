// A cluster row whose API server does not answer, for the failure-handling tests.
import { seal } from "../../lib/crypto/secret-box";
import { connect } from "./db";

export async function insertDeadCluster(name: string): Promise<void> {
  const kubeconfig = [
    "apiVersion: v1",
    "kind: Config",
    `clusters: [{ name: dead, cluster: { server: "http://127.0.0.1:9", insecure-skip-tls-verify: true } }]`,
    "users: [{ name: dead, user: { token: nothing } }]",
    "contexts: [{ name: dead, context: { cluster: dead, user: dead } }]",
    "current-context: dead",
  ].join("\n");
  const db = await connect();
  try {
    await db.query(
      "INSERT INTO clusters (name, kind, server, kubeconfig) VALUES (?, 'imported', 'http://127.0.0.1:9', ?)",
      [name, seal(kubeconfig)],
    );
  } finally {
    await db.end();
  }
}
