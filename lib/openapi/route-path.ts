/** `app/api/v1/tenants/[tenant]/route.ts` → `/api/v1/tenants/{tenant}` (OpenAPI's template). */
export function routeFileToPath(file: string): string {
  const dir = file
    .replace(/\\/g, "/")
    .replace(/^.*?\bapp\//, "/")
    .replace(/\/route\.[jt]sx?$/, "");
  return dir
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?([^\]]+)\]$/, "{$1}"))
    .join("/");
}

/** The path parameters a template names, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}
