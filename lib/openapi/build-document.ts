import { z, type ZodType } from "zod";
import { contractOf, type RouteContract } from "./contract";
import { pathParameterNames } from "./route-path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteModule {
  path: string;
  handlers: Partial<Record<HttpMethod, unknown>>;
}

type JsonSchema = Record<string, unknown>;

// Input side: what a caller sends (before coercion and defaults).
const toSchema = (schema: ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
};

function parametersOf(contract: RouteContract | undefined, path: string): JsonSchema[] {
  const pathSchema = contract?.params ? toSchema(contract.params) : undefined;
  const pathProps = (pathSchema?.properties ?? {}) as Record<string, JsonSchema>;
  const out: JsonSchema[] = pathParameterNames(path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: pathProps[name] ?? { type: "string" },
  }));
  if (contract?.query) {
    const query = toSchema(contract.query);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      out.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  return out;
}

const PROBLEM_RESPONSE = {
  description: "A problem (RFC 9457)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

function operationOf(method: HttpMethod, path: string, contract: RouteContract | undefined): JsonSchema {
  const status = String(contract?.status ?? (method === "DELETE" ? 204 : 200));
  const operation: JsonSchema = {
    operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: contract?.summary ?? (contract?.permission ? `Needs ${contract.permission}` : undefined),
    parameters: parametersOf(contract, path),
    responses: {
      [status]: { description: "Success", ...(status === "204" ? {} : { content: { "application/json": {} } }) },
      default: PROBLEM_RESPONSE,
    },
  };
  if (contract?.permission) operation["x-facet-permission"] = contract.permission;
  if (contract?.public) operation.security = [];
  if (contract?.etag) operation["x-facet-etag"] = true;
  if (contract?.body) {
    operation.requestBody = { required: true, content: { "application/json": { schema: toSchema(contract.body) } } };
  } else if (contract?.requestContentTypes) {
    operation.requestBody = {
      required: true,
      content: Object.fromEntries(contract.requestContentTypes.map((type) => [type, {}])),
    };
  }
  if (!contract) operation["x-facet-undescribed"] = true;
  return operation;
}

/** OpenAPI 3.1 from the route modules' own handlers and the contracts they carry. */
export function buildOpenApiDocument(modules: readonly RouteModule[], info: { version: string }): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const { path, handlers } of [...modules].sort((a, b) => a.path.localeCompare(b.path))) {
    for (const method of HTTP_METHODS) {
      const handler = handlers[method];
      if (typeof handler !== "function") continue;
      (paths[path] ??= {})[method.toLowerCase()] = operationOf(method, path, contractOf(handler));
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Facet API",
      version: info.version,
      description: "Generated from the zod schemas that guard each route.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (Account → API tokens) or an ingest token for /api/otlp.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The console session; writes also need the app's Origin and a JSON body.",
        },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail", "code"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string" },
            instance: { type: "string" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  path: { type: "string" },
                  message: { type: "string" },
                  line: { type: "integer" },
                  column: { type: "integer" },
                },
              },
            },
          },
        },
      },
    },
  };
}
