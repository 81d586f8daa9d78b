import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { publicRoute } from "@/lib/http/route";
import { ROUTE_MODULES } from "./routes.generated";

// The document describes routes, never data: anyone may read it, as with dub's and GitHub's.
const self = { path: "/api/v1/openapi.json", handlers: {} as Record<string, unknown> };
let document: Record<string, unknown> | undefined;

export const GET = publicRoute({ public: true, summary: "This OpenAPI 3.1 document" }, async () => {
  document ??= buildOpenApiDocument([...ROUTE_MODULES, self], { version: process.env.npm_package_version ?? "0.1.0" });
  return document;
});
self.handlers.GET = GET;
