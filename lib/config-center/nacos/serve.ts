import "server-only";
import type { RequestContext } from "@/lib/core/context";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { logger } from "@/lib/observability/logger";
import { logUpstreamFailure } from "@/lib/core/upstream-failure";
import { withSpan } from "@/lib/observability/tracer";
import { nacosErrorReply } from "./respond";

export type NacosHandler = (request: Request, base: RequestContext) => Promise<Response>;

/** Span, request id, access log and Nacos-style errors around a handler of app/nacos. */
export function nacosRoute(name: string, handler: NacosHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    const path = new URL(request.url).pathname;
    return withSpan(
      `${request.method} nacos ${name}`,
      { "http.request.method": request.method, "url.path": path, "facet.request_id": requestId },
      async (span) => {
        let response: Response;
        try {
          response = await handler(request, {
            actor: null,
            scope: {},
            requestId,
            clientAddress: clientAddressFrom(request.headers),
            span,
          });
        } catch (error) {
          const mapped = nacosErrorReply(error);
          if (mapped.internal) logger.error({ err: error, request_id: requestId }, "nacos request failed");
          else logUpstreamFailure(error, requestId);
          response = mapped.response;
        }
        response.headers.set("X-Request-Id", requestId);
        span.setAttribute("http.response.status_code", response.status);
        logger.info(
          {
            request_id: requestId,
            method: request.method,
            path,
            status: response.status,
            duration_ms: Math.round(performance.now() - started),
          },
          "request",
        );
        return response;
      },
    );
  };
}
