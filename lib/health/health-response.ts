import type { Health } from "./check-health";

/** 503 while the database is unreachable, so load balancers and `npm run up` wait or route away. */
export function healthResponse(health: Health): Response {
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
