import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { serveV2, type V2Answer } from "../runtime/serve-v2";
import { sharedPool } from "../runtime/shared-pool";
import { V2Error, v2ErrorBody } from "../runtime/v2-error";
import { clusterTarget } from "./cluster";
import { loadDeploymentOrThrow } from "./load";
import { proxyV2, servingService } from "./service-proxy";
import { ensureLoaded } from "./model-loads";

export interface V2Call {
  name: string;
  method: string;
  path: string[];
  /** Reads the request body (bounded, with a deadline) only when the endpoint takes one. */
  body: () => Promise<unknown>;
}

const error = (status: number, message: string): V2Answer => ({ status, body: { error: message } });

/**
 * The deployment's V2 endpoint. The built-in runtime answers from Facet's shared pool; Seldon
 * and KServe deployments are reached through the cluster API server's service proxy.
 */
export const serveDeploymentV2 = verb(
  "model-deployments.infer",
  "model-deployments.read",
  async ({ ctx, input }: VerbArgs<V2Call, EnvironmentCtx>): Promise<V2Answer> => {
    const row = await loadDeploymentOrThrow(getDb(), ctx, input.name);
    if (row.phase === "Failed") return error(503, `The deployment failed: ${row.reason ?? "no reason recorded"}`);
    if (row.runtime !== "builtin") {
      const t = await clusterTarget(ctx);
      let body: Buffer | null = null;
      try {
        if (input.method === "POST") body = Buffer.from(JSON.stringify(await input.body()));
      } catch (e) {
        if (e instanceof V2Error) return { status: e.status, body: v2ErrorBody(e) };
        throw e;
      }
      const service = { namespace: t.namespace, ...servingService(row.runtime, row.name) };
      return proxyV2(t.client.kc, service, input.method, input.path, body);
    }
    if (!row.implementation) return error(503, "The deployment names no built-in implementation.");
    ensureLoaded(row.implementation);
    return serveV2(
      sharedPool(),
      { name: row.name, implementation: row.implementation, version: row.modelVersion },
      input.method,
      input.path,
      input.body,
    );
  },
);
