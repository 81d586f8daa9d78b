import "server-only";
import type { NextRequest } from "next/server";
import type { ZodType } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { decide, type Permission, type Scope } from "@/lib/rbac";
import type { AuthedContext, RequestContext } from "./context";
import { etagOf } from "./if-match";
import { problemResponse, toProblem, zodIssues } from "./problem";
import { clientAddressFrom, requestIdFrom } from "./request-meta";
import { TransportError } from "./transport-error";

type RouteParams = Record<string, string | string[] | undefined>;

interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

interface BaseOptions<P, Q, B> {
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Success status when the verb returns data (201 for creates). */
  status?: number;
  /** Largest accepted body, in bytes. */
  maxBodyBytes?: number;
  /** Serve the result's `version` as the ETag. */
  etag?: boolean;
}

interface AuthedOptions<P, Q, B> extends BaseOptions<P, Q, B> {
  permission: Permission;
  /** Loads what the request is about (tenant, project…) for the policy decision. */
  scope?: (ctx: AuthedContext, params: P, query: Q) => Promise<Scope>;
  public?: false;
}

interface PublicOptions<P, Q, B> extends BaseOptions<P, Q, B> {
  public: true;
}

type Handler<C, P, Q, B> = (args: { ctx: C; input: Input<P, Q, B>; request: NextRequest }) => Promise<unknown>;

const DEFAULT_MAX_BODY = 1024 * 1024;

async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new TransportError(413, `The body exceeds ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new TransportError(413, `The body exceeds ${maxBytes} bytes.`);
  if (text.trim() === "") throw new TransportError(400, "The request body is empty; send a JSON document.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TransportError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodIssues(result.error).map((i) => ({ ...i, path: i.path === "(root)" ? prefix : `${prefix}.${i.path}` }));
  throw new AppError("VALIDATION", "The request does not match the expected shape.", { errors });
}

/** A path segment that cannot name anything is a missing resource, not a validation error. */
function parseParams<P>(schema: ZodType<P> | undefined, value: unknown): P {
  if (!schema) return undefined as P;
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("NOT_FOUND", "The resource does not exist.");
  return result.data;
}

function toResponse(result: unknown, status: number): Response {
  if (result instanceof Response) return result;
  if (result === undefined || result === null) return new Response(null, { status: 204 });
  return Response.json(result, { status });
}

/**
 * The one factory for route handlers: span → authenticate → resolve scope → authorize →
 * parse → verb, with every error mapped to problem+json by one table. Authorization comes
 * before the body is parsed so that a stranger learns nothing from validation errors.
 */
export function route<P = undefined, Q = undefined, B = undefined>(
  options: PublicOptions<P, Q, B>,
  handler: Handler<RequestContext, P, Q, B>,
): (request: NextRequest, context: { params: Promise<RouteParams> }) => Promise<Response>;
export function route<P = undefined, Q = undefined, B = undefined>(
  options: AuthedOptions<P, Q, B>,
  handler: Handler<AuthedContext, P, Q, B>,
): (request: NextRequest, context: { params: Promise<RouteParams> }) => Promise<Response>;
export function route<P, Q, B>(
  options: PublicOptions<P, Q, B> | AuthedOptions<P, Q, B>,
  handler: Handler<RequestContext, P, Q, B> | Handler<AuthedContext, P, Q, B>,
) {
  return async (request: NextRequest, context: { params: Promise<RouteParams> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    const spanName = `${request.method} ${options.public ? request.nextUrl.pathname : options.permission}`;
    return withSpan(spanName, { "http.request.method": request.method, "url.path": request.nextUrl.pathname, "facet.request_id": requestId }, async (span) => {
      let response: Response;
      try {
        const ctx: RequestContext = {
          actor: null,
          scope: {},
          requestId,
          clientAddress: clientAddressFrom(request.headers),
          span,
        };
        if (!options.public) {
          ctx.actor = await authenticate(request.headers);
          span.setAttribute("enduser.id", ctx.actor.username);
        }
        const params = parseParams(options.params, await context.params);
        const query = parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams), "query");
        if (!options.public) {
          const authed = ctx as AuthedContext;
          if (options.scope) ctx.scope = await options.scope(authed, params, query);
          const decision = decide(authed.actor, options.permission, ctx.scope);
          if (!decision.allow) {
            throw decision.status === "not-found"
              ? new AppError("NOT_FOUND", "The resource does not exist.")
              : new AppError("FORBIDDEN", decision.reason);
          }
        }
        const body = options.body ? parseWith(options.body, await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body") : (undefined as B);
        const result = await (handler as Handler<RequestContext, P, Q, B>)({ ctx, input: { params, query, body }, request });
        response = toResponse(result, options.status ?? 200);
        const version = (result as { version?: unknown } | null)?.version;
        if (options.etag && typeof version === "number") response.headers.set("ETag", etagOf(version));
      } catch (error) {
        const mapped = toProblem(error, requestId);
        if (mapped.internal) logger.error({ err: error, request_id: requestId }, "request failed");
        response = problemResponse(mapped);
      }
      response.headers.set("X-Request-Id", requestId);
      span.setAttribute("http.response.status_code", response.status);
      logger.info(
        { request_id: requestId, method: request.method, path: request.nextUrl.pathname, status: response.status, duration_ms: Math.round(performance.now() - started) },
        "request",
      );
      return response;
    });
  };
}
