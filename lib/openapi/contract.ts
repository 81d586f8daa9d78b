import type { ZodType } from "zod";

/**
 * What a route handler says about itself for the OpenAPI document: the same zod schemas that
 * guard it, so the document cannot drift from what the route accepts.
 */
export interface RouteContract {
  /** Authenticated routes name their permission; public ones say so. */
  permission?: string;
  public?: boolean;
  summary?: string;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** Request media types for routes that take more than JSON (OTLP protobuf). */
  requestContentTypes?: readonly string[];
  status?: number;
  etag?: boolean;
}

const CONTRACT = Symbol.for("facet.route-contract");

export function withContract<T extends object>(handler: T, contract: RouteContract): T {
  return Object.assign(handler, { [CONTRACT]: contract });
}

export function contractOf(handler: unknown): RouteContract | undefined {
  if (typeof handler !== "function") return undefined;
  return (handler as unknown as Record<symbol, RouteContract | undefined>)[CONTRACT];
}
