import { expect, type APIRequestContext } from "@playwright/test";
import { admin } from "./accounts";
import { freshAddress } from "./problem";

/** The sysadmin's bearer header, from a fresh API login. */
export async function adminHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.post("/api/v1/login", {
    data: { username: admin.username, password: admin.password },
    headers: { "x-forwarded-for": freshAddress() },
  });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

/** A tenant with a quota on the sandbox, project `shop` and one environment in it, through the API. */
export async function createEnvironmentWorld(request: APIRequestContext, tenant: string, environment: string) {
  const headers = await adminHeaders(request);
  const base = `/api/v1/tenants/${tenant}`;
  for (const [method, path, data, status] of [
    ["post", "/api/v1/tenants", { name: tenant }, 201],
    ["put", `${base}/quotas/sandbox`, { cpu: "4", memory: "4Gi", storage: "4Gi", pods: "10" }, 200],
    ["post", `${base}/projects`, { name: "shop" }, 201],
    [
      "post",
      `${base}/projects/shop/environments`,
      {
        name: environment,
        type: "dev",
        cluster: "sandbox",
        quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
      },
      201,
    ],
  ] as const) {
    const res = await request[method](path, { headers, data });
    expect(res.status(), await res.text()).toBe(status);
  }
  return { headers, env: `${base}/projects/shop/environments/${environment}` };
}
