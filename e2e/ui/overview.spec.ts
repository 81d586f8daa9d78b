import { expect, test } from "@playwright/test";
import { normalUser } from "../support/accounts";
import { createEnvironmentWorld } from "../support/world";

// The overview dashboard: the sysadmin's clusters and tenants, and a plain user's own tenant only.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const mine = `ovm-${suffix}`;
const theirs = `ovt-${suffix}`;
const theirEnv = `nope-${suffix}`;
const myEnv = `web-${suffix}`;

test.beforeAll(async ({ request }) => {
  const { headers } = await createEnvironmentWorld(request, mine, myEnv);
  // Its quota is full (the environment holds all of it): the newest of the fullest tenants, so
  // among those the overview shows whatever other specs made.
  const full = await request.put(`/api/v1/tenants/${mine}/quotas/sandbox`, {
    headers,
    data: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
  });
  expect(full.status(), await full.text()).toBe(200);
  await createEnvironmentWorld(request, theirs, theirEnv);
  for (const [path, role] of [
    [`/api/v1/tenants/${mine}/members`, "member"],
    [`/api/v1/tenants/${mine}/projects/shop/members`, "dev"],
  ] as const) {
    const res = await request.post(path, { headers, data: { username: normalUser.username, role } });
    expect(res.status(), await res.text()).toBe(201);
  }
});

test("the sysadmin sees the sandbox cluster's chart and the fullest tenants", async ({ page }) => {
  await page.goto("/");
  const clusters = page.getByRole("region", { name: "Clusters" });
  const sandbox = clusters.getByRole("article", { name: "sandbox" });
  await expect(sandbox.getByText("Reachable", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(
    sandbox.getByRole("img", { name: "sandbox: CPU and memory allocated and used, as a share of capacity" }),
  ).toBeVisible();
  // The chart's numbers are in a table for screen readers.
  const table = sandbox.getByRole("table", { name: /^sandbox: CPU and memory/ });
  await expect(table.getByRole("rowheader", { name: "CPU" })).toHaveCount(1);
  await expect(table.getByRole("rowheader", { name: "Memory" })).toHaveCount(1);
  const tenants = page.getByRole("region", { name: "Tenants by usage" });
  await expect(tenants.getByRole("img", { name: "Tenants' quota allocated, as a share of the quota" })).toBeVisible();
  // The fullest tenants, newest first among equals: this spec's tenant (its quota full) is among them.
  await expect(tenants.getByRole("link", { name: mine, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent audit events" }).getByRole("listitem").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/overview-sysadmin.png", fullPage: true });
});

test("a plain user sees their tenant's usage and nothing of another tenant", async ({ browser }) => {
  const context = await browser.newContext({ storageState: normalUser.storage });
  const page = await context.newPage();
  await page.goto("/");
  const tenants = page.getByRole("region", { name: "Your tenants" });
  await expect(tenants.getByRole("link", { name: mine, exact: true })).toBeVisible({ timeout: 30_000 });
  const envs = page.getByRole("region", { name: "Your environments' usage" });
  await expect(envs.getByRole("link", { name: `${mine} / shop/${myEnv}` })).toBeVisible();
  await expect(
    envs.getByRole("img", { name: "Environments' CPU and memory requested and used, as a share of their quota" }),
  ).toBeVisible();
  await expect(envs.getByRole("table").getByRole("rowheader", { name: `shop/${myEnv}` })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Clusters" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your recent actions" })).toBeVisible();
  // Nothing of the other tenant: not in the page, not in the API's answer.
  await expect(page.getByText(theirs)).toHaveCount(0);
  await expect(page.getByText(theirEnv)).toHaveCount(0);
  const api = await page.request.get("/api/v1/overview");
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(body).not.toContain(theirs);
  expect(body).not.toContain(theirEnv);
  expect(body).not.toContain("demo-dev");
  await context.close();
});

test("at 390 px, dark and in Chinese the dashboard reads without sideways scroll", async ({ browser }) => {
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", locale: "zh-CN" });
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const clusters = page.getByRole("region", { name: "集群" });
  await expect(clusters.getByRole("article", { name: "sandbox" }).getByText("可连接", { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("img", { name: "租户配额的分配比例" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/overview-390-dark-zh.png", fullPage: true });
  await context.close();
});

test("the overview API refuses anyone signed out", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  expect((await anonymous.get("/api/v1/overview")).status()).toBe(401);
  await anonymous.dispose();
});
