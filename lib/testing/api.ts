// Calls the real route handlers of app/api/v1 in-process, as an HTTP client would, by path.
import { relative, sep } from "node:path";
import { NextRequest } from "next/server";
import { listRouteFiles } from "@/lib/openapi/route-files";
import { routeFileToPath } from "@/lib/openapi/route-path";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface RouteFile {
  /** "/api/v1/tenants/{tenant}/projects" */
  template: string;
  pattern: RegExp;
  names: string[];
  file: string;
}

/** Every route file under app/api (but next-auth's own), as URL templates. */
export function apiRouteFiles(root = "app/api"): RouteFile[] {
  return listRouteFiles(root)
    .filter((file) => !file.includes("[...nextauth]"))
    .map((file) => {
      const segments = relative("app", file).split(sep).slice(0, -1);
      const names: string[] = [];
      const template = routeFileToPath(file);
      // [x] is one segment; [...x] one or more and [[...x]] none or more (catch-all names keep their "...").
      const pattern = new RegExp(
        "^" +
          segments
            .map((s) => {
              if (!s.startsWith("[")) return `/${s}`;
              const optional = s.startsWith("[[");
              const name = s.replace(/^\[+|\]+$/g, "");
              names.push(name);
              if (!name.startsWith("...")) return "/([^/]+)";
              return optional ? "(?:/(.*))?" : "/(.+)";
            })
            .join("") +
          "/?$",
      );
      return { template, pattern, names, file };
    });
}

/** The params Next passes a route for `pathname`: a catch-all's value is its decoded segments. */
export function routeParams(route: RouteFile, pathname: string): Record<string, string | string[] | undefined> {
  const values = route.pattern.exec(pathname)!.slice(1);
  return Object.fromEntries(
    route.names.map((n, i) =>
      n.startsWith("...")
        ? [n.slice(3), values[i] ? values[i].split("/").map(decodeURIComponent) : undefined]
        : [n, decodeURIComponent(values[i])],
    ),
  );
}

const routes = apiRouteFiles();
const modules = new Map<string, Promise<Record<string, unknown>>>();

export async function handlerFor(method: Method, file: string) {
  if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ `${process.cwd()}/${file}`));
  return (await modules.get(file)!)[method] as
    | ((req: NextRequest, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>)
    | undefined;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** `await api("POST", "/api/v1/tenants", { token, body })`. */
export async function api<T = unknown>(
  method: Method,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(path, "http://facet.test");
  const route = routes.find((r) => r.pattern.test(url.pathname));
  if (!route) throw new Error(`no route file serves ${url.pathname}`);
  const handler = await handlerFor(method, route.file);
  if (!handler) return { status: 405, headers: new Headers(), body: null as T };
  const params = routeParams(route, url.pathname);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const json = /json/.test(response.headers.get("content-type") ?? "");
  return {
    status: response.status,
    headers: response.headers,
    body: (json && text ? JSON.parse(text) : text || null) as T,
  };
}
