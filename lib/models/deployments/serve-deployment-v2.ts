import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { serveV2, type V2Answer } from "../runtime/serve-v2";
import { sharedPool } from "../runtime/shared-pool";
import { loadDeploymentOrThrow } from "./load";
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
 * and KServe deployments would be reached through the Kubernetes API's service proxy
 * (/api/v1/namespaces/{ns}/services/{svc}:http/proxy/v2/...), which is not wired up yet.
 */
export const serveDeploymentV2 = verb(
  "model-deployments.infer",
  "model-deployments.read",
  async ({ ctx, input }: VerbArgs<V2Call, EnvironmentCtx>): Promise<V2Answer> => {
    const row = await loadDeploymentOrThrow(getDb(), ctx, input.name);
    if (row.runtime !== "builtin" || !row.implementation)
      return error(
        501,
        `Inference through Facet is not available for ${row.runtime} deployments yet; call the cluster's own endpoint.`,
      );
    if (row.phase === "Failed") return error(503, `The deployment failed: ${row.reason ?? "no reason recorded"}`);
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
