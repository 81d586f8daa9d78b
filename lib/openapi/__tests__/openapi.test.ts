import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET } from "@/app/api/v1/openapi.json/route";
import { ROUTE_MODULES } from "@/app/api/v1/openapi.json/routes.generated";
import { verb } from "@/lib/core/verb";
import { route } from "@/lib/http/route";
import { listApiRouteFiles } from "@/scripts/generate-openapi-routes";
import { buildOpenApiDocument, HTTP_METHODS } from "../build-document";
import { contractOf } from "../contract";
import { pathParameterNames, routeFileToPath } from "../route-path";

type Doc = { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };

async function served(): Promise<Doc> {
  const res = await GET(new NextRequest("http://facet.test/api/v1/openapi.json"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

describe("route file paths", () => {
  it("become OpenAPI templates", () => {
    expect(routeFileToPath("app/api/v1/tenants/[tenant]/projects/[project]/route.ts")).toBe(
      "/api/v1/tenants/{tenant}/projects/{project}",
    );
    expect(routeFileToPath("app/api/auth/[...nextauth]/route.ts")).toBe("/api/auth/{nextauth}");
    expect(routeFileToPath("app/(console)/api/x/route.ts")).toBe("/api/x");
    expect(pathParameterNames("/a/{b}/c/{d}")).toEqual(["b", "d"]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("lists every route file and every method it exports (the generated list is current)", async () => {
    const files = listApiRouteFiles();
    expect(files.length).toBeGreaterThan(60);
    const listed = new Set([...ROUTE_MODULES.map((m) => m.path), "/api/v1/openapi.json"]);
    for (const file of files)
      expect(listed.has(routeFileToPath(file)), `${file}: run npx tsx scripts/generate-openapi-routes.ts`).toBe(true);
    const doc = await served();
    expect(doc.openapi).toBe("3.1.0");
    for (const { path, handlers } of ROUTE_MODULES) {
      for (const method of HTTP_METHODS) {
        if (typeof handlers[method] === "function")
          expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
      }
    }
    expect(doc.paths["/api/v1/openapi.json"].get).toBeDefined();
  });

  it("describes each operation from the schemas and permission that guard it", async () => {
    const doc = await served();
    const ids = new Set<string>();
    let described = 0;
    for (const { path, handlers } of ROUTE_MODULES) {
      for (const method of HTTP_METHODS) {
        const contract = contractOf(handlers[method]);
        const op = doc.paths[path]?.[method.toLowerCase()];
        if (!op) continue;
        expect(ids.has(op.operationId as string), `duplicate operationId ${op.operationId as string}`).toBe(false);
        ids.add(op.operationId as string);
        const params = op.parameters as { name: string; in: string }[];
        expect(
          params.filter((p) => p.in === "path").map((p) => p.name),
          `${method} ${path}`,
        ).toEqual(pathParameterNames(path));
        if (!contract) continue;
        described++;
        expect(op["x-facet-permission"], `${method} ${path}`).toBe(contract.permission);
        expect(Boolean(op.requestBody), `${method} ${path} body`).toBe(
          Boolean(contract.body || contract.requestContentTypes),
        );
      }
    }
    // Everything but Auth.js's own endpoints carries a contract.
    expect(described).toBeGreaterThanOrEqual(ids.size - 2);
    const tenants = doc.paths["/api/v1/tenants"].post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    expect(Object.keys(tenants.requestBody.content["application/json"].schema.properties)).toContain("name");
  });

  it("turns zod query and body schemas into parameters and a JSON schema", () => {
    const handler = route(
      {
        verb: verb("test.x", "tenants.read", async () => null),
        params: z.object({ tenant: z.string().max(63) }),
        query: z.object({ limit: z.coerce.number().int().max(100).optional(), q: z.string() }),
        body: z.object({ n: z.number().min(1) }),
      },
      async () => null,
    );
    const doc = buildOpenApiDocument([{ path: "/api/v1/x/{tenant}", handlers: { POST: handler } }], {
      version: "t",
    }) as Doc;
    const op = doc.paths["/api/v1/x/{tenant}"].post as {
      parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
      requestBody: { content: { "application/json": { schema: { properties: { n: { minimum: number } } } } } };
    };
    expect(op.parameters).toEqual([
      { name: "tenant", in: "path", required: true, schema: { type: "string", maxLength: 63 } },
      expect.objectContaining({ name: "limit", in: "query", required: false }),
      expect.objectContaining({ name: "q", in: "query", required: true }),
    ]);
    expect(op.requestBody.content["application/json"].schema.properties.n.minimum).toBe(1);
  });
});
