import { expect, test } from "@playwright/test";
import { adminHeaders, createEnvironmentWorld } from "../support/world";

// Usage from the sandbox's metrics.k8s.io on the environment page, and the cluster's nodes page.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `use-${suffix}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/stats`;
const NODE = "sandbox-node-1";

test.beforeAll(async ({ request }) => {
  const { headers, env } = await createEnvironmentWorld(request, tenant, "stats");
  const res = await request.post(`${env}/applications`, {
    headers,
    data: {
      name: "web",
      image: "nginx:1.27",
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
});

test.afterAll(async ({ request }) => {
  // Leave the shared node schedulable whatever happened above.
  await request.post(`/api/v1/clusters/sandbox/nodes/${NODE}/uncordon`, { headers: await adminHeaders(request) });
});

test("the environment page shows each pod's CPU and memory and the usage against the quota", async ({ page }) => {
  await page.goto(envPage);
  const usage = page.getByRole("region", { name: "Resource usage" });
  const pod = usage.getByRole("group", { name: /^web-/ });
  await expect(pod).toHaveCount(1, { timeout: 45_000 });
  const cpu = pod.getByRole("meter", { name: "CPU" });
  // The sandbox's usage runs between the request and the limit (100m..200m).
  await expect(cpu).not.toHaveAttribute("aria-valuenow", "0", { timeout: 30_000 });
  const now = Number(await cpu.getAttribute("aria-valuenow"));
  expect(now).toBeGreaterThanOrEqual(100);
  expect(now).toBeLessThanOrEqual(200);
  await expect(cpu).toHaveAttribute("aria-valuemax", "200");
  await expect(pod.getByRole("meter", { name: "Memory" })).toHaveAttribute("aria-valuemax", String(128 * 2 ** 20));
  const quota = usage.getByRole("group", { name: "Usage against the quota" });
  await expect(quota.getByRole("meter", { name: "CPU used" })).toHaveAttribute("aria-valuemax", "1000");
  await expect(quota.getByRole("meter", { name: "CPU requested" })).toHaveAttribute("aria-valuenow", "100");
  await expect(quota.getByRole("meter", { name: "Pods running" })).toHaveAttribute("aria-valuenow", "1");
});

test("at 390 px, dark and in Chinese the usage reads without sideways scroll", async ({ browser }) => {
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", locale: "zh-CN" });
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(envPage);
  const usage = page.getByRole("region", { name: "资源用量" });
  await expect(usage.getByRole("group", { name: /^web-/ }).getByRole("meter", { name: "CPU" })).toBeVisible({
    timeout: 30_000,
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/usage-390-dark-zh.png", fullPage: true });
  await page.goto("/clusters/sandbox/nodes");
  await expect(page.getByRole("region", { name: NODE })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/nodes-390-dark-zh.png", fullPage: true });
  await context.close();
});

test("a sysadmin sees the node on the nodes page and cordons and uncordons it", async ({ page }) => {
  await page.goto("/clusters/sandbox");
  await page.getByRole("link", { name: "Nodes" }).click();
  await expect(page.getByRole("heading", { name: "Nodes", level: 1 })).toBeVisible();
  const node = page.getByRole("region", { name: NODE });
  await expect(node.getByText("Ready", { exact: true })).toBeVisible();
  await expect(node.getByRole("meter", { name: "Pods" })).not.toHaveAttribute("aria-valuenow", "0");
  await expect(node.getByRole("meter", { name: "CPU used" })).toHaveAttribute("aria-valuemax", "4000");
  await expect(node.getByText("Ready=True")).toBeVisible();

  await node.getByRole("button", { name: `Cordon ${NODE}` }).click();
  await expect(node.getByText("Cordoned", { exact: true })).toBeVisible();
  const uncordon = node.getByRole("button", { name: `Uncordon ${NODE}` });
  await expect(uncordon).toBeVisible();
  await page.reload();
  await expect(node.getByText("Cordoned", { exact: true })).toBeVisible();
  await node.getByRole("button", { name: `Uncordon ${NODE}` }).click();
  await expect(node.getByRole("button", { name: `Cordon ${NODE}` })).toBeVisible();
  await expect(node.getByText("Cordoned", { exact: true })).toHaveCount(0);
});
