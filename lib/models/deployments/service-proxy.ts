import "server-only";
import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import type { V2Answer } from "../runtime/serve-v2";

const TIMEOUT_MS = Number(process.env.FACET_RUNTIME_TIMEOUT_MS ?? 30_000);
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** Where a serving runtime's V2 REST port lives: Seldon's predictor Service, KServe's predictor. */
export function servingService(runtime: "seldon" | "kserve", name: string): { service: string; port: number } {
  return runtime === "seldon" ? { service: `${name}-default`, port: 8000 } : { service: `${name}-predictor`, port: 80 };
}

/**
 * One V2 call through the Kubernetes API server's service proxy
 * (/api/v1/namespaces/{ns}/services/{svc}:{port}/proxy/v2/...), with the cluster's own
 * credentials and agent (so its egress policy applies); the answer is passed on as it came.
 */
export async function proxyV2(
  kc: KubeConfig,
  target: { namespace: string; service: string; port: number },
  method: string,
  path: string[],
  body: Buffer | null,
): Promise<V2Answer> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) return { status: 503, body: { error: "The cluster has no API server configured." } };
  const segments = ["v2", ...path.filter(Boolean)].map(encodeURIComponent).join("/");
  const url = new URL(
    `${server.replace(/\/+$/, "")}/api/v1/namespaces/${encodeURIComponent(target.namespace)}/services/${encodeURIComponent(target.service)}:${target.port}/proxy/${segments}`,
  );
  const options: https.RequestOptions = { method, headers: {} };
  await kc.applyToHTTPSOptions(options);
  const headers = { ...(options.headers as Record<string, string>), accept: "application/json" };
  if (body) Object.assign(headers, { "content-type": "application/json", "content-length": String(body.length) });
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<V2Answer>((resolve) => {
    const fail = (why: string) =>
      resolve({ status: 503, body: { error: `The model's service did not answer: ${why}` } });
    const req = send(url, { ...options, headers, signal: AbortSignal.timeout(TIMEOUT_MS) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) res.destroy(new Error(`the answer exceeds ${MAX_ANSWER_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", (e) => fail(e.message));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const status = res.statusCode ?? 502;
        if (!text) return resolve({ status, body: null });
        try {
          resolve({ status, body: JSON.parse(text) });
        } catch {
          // The API server's own refusals (no such service, no endpoints) are plain text.
          resolve({ status, body: { error: text.slice(0, 1024) } });
        }
      });
    });
    req.on("error", (e) => fail(e.message));
    req.end(body ?? undefined);
  });
}
