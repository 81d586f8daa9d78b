// The V2 (Open Inference Protocol) REST surface of one served model, over the runtime pool:
// health, server and model metadata, model readiness and inference. Paths are what follows
// `/v2/`; errors are the protocol's `{"error": "..."}`.
import { BUILTIN_MODELS } from "./builtin";
import type { RuntimePool } from "./pool";
import { parseInferenceRequest } from "./v2-request";
import { V2Error, v2ErrorBody } from "./v2-error";

export const RUNTIME_NAME = "facet-builtin";
export const RUNTIME_VERSION = "1.0.0";

export interface ServedModel {
  /** The name clients use in `/v2/models/{name}`. */
  name: string;
  /** The built-in implementation that serves it. */
  implementation: string;
  /** The version the deployment runs. */
  version: string;
}

export interface V2Answer {
  status: number;
  /** Null: a status-only answer (health and readiness). */
  body: unknown;
}

const ok = (body: unknown): V2Answer => ({ status: 200, body });

/** `models/{name}[/versions/{version}][/rest]` → its parts, or null. */
function modelPath(path: string[]): { name: string; version: string | null; rest: string | null } | null {
  if (path[0] !== "models" || !path[1]) return null;
  const versioned = path[2] === "versions" && Boolean(path[3]);
  const rest = path.slice(versioned ? 4 : 2);
  if (rest.length > 1) return null;
  return { name: path[1], version: versioned ? path[3] : null, rest: rest[0] ?? null };
}

export async function serveV2(
  pool: RuntimePool,
  served: ServedModel,
  method: string,
  path: string[],
  body: () => Promise<unknown>,
): Promise<V2Answer> {
  try {
    const spec = BUILTIN_MODELS.get(served.implementation);
    if (!spec) throw new V2Error(503, `the built-in runtime cannot serve '${served.implementation}'`);
    const route = path.filter(Boolean);
    if (method === "GET" && route.length === 0)
      return ok({ name: RUNTIME_NAME, version: RUNTIME_VERSION, extensions: [] });
    if (method === "GET" && route.join("/") === "health/live") return { status: 200, body: null };
    if (method === "GET" && route.join("/") === "health/ready")
      return { status: pool.loaded().includes(served.implementation) ? 200 : 400, body: null };
    const model = modelPath(route);
    if (!model) throw new V2Error(404, `no V2 endpoint ${method} /v2/${route.join("/")}`);
    if (model.name !== served.name) throw new V2Error(404, `model '${model.name}' is not served here`);
    if (model.version !== null && model.version !== served.version)
      throw new V2Error(
        404,
        `model '${model.name}' has no version '${model.version}' here (it runs ${served.version})`,
      );
    if (method === "GET" && model.rest === null)
      return ok({
        name: served.name,
        versions: [served.version],
        platform: spec.platform,
        inputs: spec.inputs,
        outputs: spec.outputs,
        parameters: { task: spec.task },
      });
    if (method === "GET" && model.rest === "ready")
      return { status: pool.loaded().includes(served.implementation) ? 200 : 400, body: null };
    if (method === "POST" && model.rest === "infer") {
      const request = parseInferenceRequest(await body());
      const response = await pool.infer(served.implementation, request);
      return ok({ ...response, model_name: served.name, model_version: served.version });
    }
    throw new V2Error(404, `no V2 endpoint ${method} /v2/${route.join("/")}`);
  } catch (error) {
    if (error instanceof V2Error) return { status: error.status, body: v2ErrorBody(error) };
    throw error;
  }
}
