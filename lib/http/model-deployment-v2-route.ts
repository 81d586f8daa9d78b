import "server-only";
import type { NextRequest } from "next/server";
import { readBoundedBody } from "@/lib/core/read-bounded-body";
import { TransportError } from "@/lib/core/transport-error";
import { V2_MAX_BODY_BYTES } from "@/lib/models/deployments/labels";
import * as s from "@/lib/models/deployments/schemas";
import { serveDeploymentV2 } from "@/lib/models/deployments/serve-deployment-v2";
import { V2Error } from "@/lib/models/runtime/v2-error";
import { environmentScope } from "@/lib/tenancy/scope";
import { route } from "./route";

// The Open Inference Protocol (V2) transport of a model deployment: the JSON API's pipeline
// (authenticate, scope, authorize) with the protocol's own body rules and `{"error"}` answers.

/** The V2 body: at most 8 MiB, read within the body deadline, JSON; failures in the protocol's shape. */
async function readV2Body(request: NextRequest): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedBody(request, { limit: V2_MAX_BODY_BYTES });
  } catch (error) {
    // The protocol knows 400, 404, 413 and 503: a body too slow or of the wrong type is a bad request.
    if (error instanceof TransportError) throw new V2Error(error.status === 413 ? 413 : 400, error.message);
    throw error;
  }
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new V2Error(400, "The request body is not JSON.");
  }
}

type RouteParams = Record<string, string | string[] | undefined>;
type Handler = (request: NextRequest, context: { params: Promise<RouteParams> }) => Promise<Response>;

/** The route factory's refusals (401, 403, 404, 422) in the V2 protocol's `{"error"}` shape. */
function v2Errors(inner: Handler): Handler {
  const wrapped: Handler = async (request, context) => {
    const response = await inner(request, context);
    if (!(response.headers.get("content-type") ?? "").includes("problem+json")) return response;
    const problem = (await response.json()) as { detail?: string; title?: string };
    const answer = Response.json({ error: problem.detail ?? problem.title ?? "error" }, { status: response.status });
    for (const h of ["x-request-id", "retry-after", "www-authenticate"]) {
      const value = response.headers.get(h);
      if (value) answer.headers.set(h, value);
    }
    return answer;
  };
  return Object.assign(wrapped, inner);
}

/** ANY …/model-deployments/{name}/v2/{...path}: authenticated, environment read, then the runtime. */
export const modelDeploymentV2Route = v2Errors(
  route({ params: s.V2Params, scope: environmentScope, verb: serveDeploymentV2 }, async ({ ctx, input, request }) => {
    const answer = await serveDeploymentV2({
      ctx,
      input: {
        name: input.params.name,
        method: request.method,
        path: input.params.path,
        body: () => readV2Body(request),
      },
    });
    return answer.body === null
      ? new Response(null, { status: answer.status })
      : Response.json(answer.body, { status: answer.status });
  }),
);
