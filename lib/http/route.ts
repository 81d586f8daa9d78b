import "server-only";
import type { NextRequest } from "next/server";
import type { ZodType } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { withRequestEpochs } from "@/lib/db/epochs";
import { logger } from "@/lib/observability/logger";
import { withContract } from "@/lib/openapi/contract";
import { logUpstreamFailure } from "@/lib/core/upstream-failure";
import { withSpan } from "@/lib/observability/tracer";
import type { AuthedContext, RequestContext } from "@/lib/core/context";
import { assertSameSiteWrite } from "./cross-site";
import { etagOf, expectedVersionFrom } from "@/lib/core/if-match";
import type { Operation, OperationInput, OperationSpec } from "@/lib/core/operation";
import type { ScopedCtx } from "@/lib/core/scoped-context";
import type { Scope } from "@/lib/rbac";
import { parseWith } from "@/lib/core/parse-with";
import { executeOperation } from "./operation";
import { parseJsonBounded } from "@/lib/core/parse-json-bounded";
import { problemResponse, toProblem } from "./problem";
import { readBoundedBody } from "@/lib/core/read-bounded-body";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { routeTemplate } from "./route-template";
import { TransportError } from "@/lib/core/transport-error";

type RouteParams = Record<string, string | string[] | undefined>;
type NextHandler = (request: NextRequest, context: { params: Promise<RouteParams> }) => Promise<Response>;

interface PublicOptions<Q, B> {
  public: true;
  /** One line for the OpenAPI document. */
  summary?: string;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  maxBodyBytes?: number;
  status?: number;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  const text = (await readBoundedBody(request, { limit: maxBytes })).toString("utf8");
  if (text.trim() === "") throw new TransportError(400, "The request body is empty; send a JSON document.");
  return parseJsonBounded(text);
}

function toResponse(result: unknown, status: number, etag: boolean): Response {
  if (result instanceof Response) return result;
  if (result === undefined || result === null) return new Response(null, { status: 204 });
  const response = Response.json(result, { status });
  const version = (result as { version?: unknown }).version;
  if (etag && typeof version === "number") response.headers.set("ETag", etagOf(version));
  return response;
}

/** Span, request id, access log and problem+json around any handler. */
function serve(
  work: (request: NextRequest, ctx: RequestContext, params: RouteParams) => Promise<Response>,
): NextHandler {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    const params = await context.params;
    const httpRoute = routeTemplate(request.nextUrl.pathname, params);
    const attributes = {
      "http.request.method": request.method,
      "http.route": httpRoute,
      "url.path": request.nextUrl.pathname,
      "facet.request_id": requestId,
    };
    // OpenTelemetry's server span name: method and route template, so APM groups by route.
    return withSpan(`${request.method} ${httpRoute}`, attributes, async (span) => {
      let response: Response;
      try {
        const ctx: RequestContext = {
          actor: null,
          scope: {},
          requestId,
          clientAddress: clientAddressFrom(request.headers),
          span,
        };
        // One read of the cache epochs serves authentication, scope and the verb.
        response = await withRequestEpochs(() => work(request, ctx, params));
      } catch (error) {
        const mapped = toProblem(error, requestId);
        if (mapped.internal) logger.error({ err: error, request_id: requestId }, "request failed");
        else logUpstreamFailure(error, requestId);
        response = problemResponse(mapped);
      }
      response.headers.set("X-Request-Id", requestId);
      span.setAttribute("http.response.status_code", response.status);
      const duration_ms = Math.round(performance.now() - started);
      logger.info(
        {
          request_id: requestId,
          method: request.method,
          path: request.nextUrl.pathname,
          status: response.status,
          duration_ms,
        },
        "request",
      );
      return response;
    });
  };
}

/**
 * The one factory for route handlers: span → authenticate → resolve scope → authorize →
 * parse → verb, with every error mapped to problem+json by one table.
 */
export function route<P, Q, B, R>(op: Operation<P, Q, B, R>): NextHandler;
export function route<P, Q, B, S extends Scope = Scope>(
  options: Omit<OperationSpec<P, Q, B, unknown, S>, "handler">,
  handler: (args: { ctx: ScopedCtx<S>; input: OperationInput<P, Q, B>; request: NextRequest }) => Promise<unknown>,
): NextHandler;
export function route<P, Q, B>(
  given: Operation<P, Q, B> | Omit<OperationSpec<P, Q, B>, "handler">,
  // The scope resolver has run when the handler does (executeOperation), as ScopedCtx promises.
  handler?: (args: { ctx: ScopedCtx<Scope>; input: OperationInput<P, Q, B>; request: NextRequest }) => Promise<unknown>,
): NextHandler {
  // A route that answers more than JSON (a file, plain text) still names its verb, which brings
  // the permission and name, as operation() does.
  const options = (handler ? { ...given, permission: given.verb!.permission, name: given.verb!.verbName } : given) as
    Operation<P, Q, B> | Omit<Operation<P, Q, B>, "handler">;
  const served = serve(async (request, base, params) => {
    assertSameSiteWrite(request);
    const ctx = { ...base, actor: await authenticate(request.headers) } as AuthedContext;
    ctx.span?.setAttribute("enduser.id", ctx.actor.username);
    const op = handler
      ? ({
          ...options,
          handler: (args: Parameters<Operation<P, Q, B>["handler"]>[0]) => handler({ ...args, request }),
        } as Operation<P, Q, B>)
      : (options as Operation<P, Q, B>);
    const result = await executeOperation(op, ctx, {
      params,
      query: Object.fromEntries(request.nextUrl.searchParams),
      body: () => readJson(request, op.maxBodyBytes ?? DEFAULT_MAX_BODY),
      expectedVersion: expectedVersionFrom(request.headers),
    });
    return toResponse(result, op.status ?? 200, op.etag ?? false);
  });
  const { permission, params, query, body, status, etag } = options;
  // Kept on the handler so tests can run the very same operation as a server action, and so
  // the OpenAPI document is built from the schemas that guard the route.
  return withContract(Object.assign(served, { operation: handler ? undefined : (options as Operation<P, Q, B>) }), {
    permission,
    params,
    query,
    body,
    status,
    etag,
  });
}

/** Routes anyone may call (sign-in, health): the same envelope, no authentication. */
export function publicRoute<Q, B>(
  options: PublicOptions<Q, B>,
  handler: (args: { ctx: RequestContext; input: { query: Q; body: B }; request: NextRequest }) => Promise<unknown>,
): NextHandler {
  const served = serve(async (request, ctx) => {
    const query = parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query");
    const body = options.body
      ? parseWith(options.body, await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
      : (undefined as B);
    return toResponse(await handler({ ctx, input: { query, body }, request }), options.status ?? 200, false);
  });
  return withContract(served, {
    public: true,
    summary: options.summary,
    query: options.query,
    body: options.body,
    status: options.status,
  });
}
