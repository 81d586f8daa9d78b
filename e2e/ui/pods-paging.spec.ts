import { expect, test } from "@playwright/test";
import { adminHeaders } from "../support/world";

// An environment with more pods than a page: the pods table shows 50 with Next and Previous, and
// chips count the pods of each phase and filter by it.
const suffix = Date.now().toString(36);
const tenant = `pp-${suffix}`;
const base = `/api/v1/tenants/${tenant}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/many`;
const REPLICAS = 55;

test.beforeAll(async ({ request }) => {
  const headers = await adminHeaders(request);
  const small = { cpu: "10m", memory: "16Mi" };
  for (const [method, path, data, status] of [
    ["post", "/api/v1/tenants", { name: tenant }, 201],
    ["put", `${base}/quotas/sandbox`, { cpu: "8", memory: "8Gi", storage: "4Gi", pods: "100" }, 200],
    ["post", `${base}/projects`, { name: "shop" }, 201],
    [
      "post",
      `${base}/projects/shop/environments`,
      { name: "many", type: "dev", cluster: "sandbox", quota: { cpu: "4", memory: "4Gi", storage: "1Gi", pods: "80" } },
      201,
    ],
    [
      "post",
      `${base}/projects/shop/environments/many/applications`,
      { name: "web", image: "nginx:1.27", replicas: REPLICAS, resources: { requests: small, limits: small } },
      201,
    ],
  ] as const) {
    const res = await request[method](path, { headers, data });
    expect(res.status(), await res.text()).toBe(status);
  }
});

test("pods come 50 to a page, with counts per phase and a phase filter", async ({ page }) => {
  await page.goto(envPage);
  const phases = page.getByRole("group", { name: "Pods by phase" });
  await expect(phases.getByRole("button", { name: `Running ${REPLICAS}` })).toBeVisible({ timeout: 60_000 });
  const rows = page.getByRole("table", { name: "Pods" }).getByRole("row");
  await expect(rows).toHaveCount(50 + 1);
  const pages = page.getByRole("navigation", { name: "Pod pages" });
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(rows).toHaveCount(REPLICAS - 50 + 1);
  await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();
  await pages.getByRole("button", { name: "Previous" }).click();
  await expect(rows).toHaveCount(50 + 1);

  await phases.getByRole("button", { name: /^Running/ }).click();
  await expect(phases.getByRole("button", { name: /^Running/ })).toHaveAttribute("aria-pressed", "true");
  await expect(rows.filter({ hasText: "Running" })).toHaveCount(50);
});
