import { expect, test } from "@playwright/test";
import { insertDeadCluster } from "../support/clusters";
import { freshAddress } from "../support/problem";
import { openDialog, section, signInAs, submit } from "../support/ui";
import { adminHeaders } from "../support/world";

// Applications on the sandbox cluster, seen and driven from the console.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `wl-${suffix}`;
const base = `/api/v1/tenants/${tenant}`;
const envPage = (e: string) => `/tenants/${tenant}/projects/shop/environments/${e}`;
const dev = { username: `dev-${suffix}`, password: "workloads-password" };
const dead = `dead-${suffix}`;
const quota = { cpu: "4", memory: "8Gi", storage: "10Gi", pods: "20" };

test.beforeAll(async ({ request }) => {
  const h = await adminHeaders(request);
  const ok = async (p: Promise<{ status(): number; text(): Promise<string> }>, status = 200) => {
    const res = await p;
    expect(res.status(), await res.text()).toBe(status);
  };
  await ok(
    request.post("/api/v1/users", { headers: h, data: { username: dev.username, password: dev.password } }),
    201,
  );
  await ok(request.post("/api/v1/tenants", { headers: h, data: { name: tenant } }), 201);
  await ok(
    request.put(`${base}/quotas/sandbox`, {
      headers: h,
      data: { cpu: "16", memory: "32Gi", storage: "100Gi", pods: "100" },
    }),
  );
  await ok(request.post(`${base}/members`, { headers: h, data: { username: dev.username, role: "member" } }), 201);
  await ok(request.post(`${base}/projects`, { headers: h, data: { name: "shop" } }), 201);
  await ok(
    request.post(`${base}/projects/shop/members`, { headers: h, data: { username: dev.username, role: "dev" } }),
    201,
  );
  for (const [name, type] of [
    ["web-dev", "dev"],
    ["web-prod", "prod"],
  ]) {
    await ok(
      request.post(`${base}/projects/shop/environments`, {
        headers: h,
        data: { name, type, cluster: "sandbox", quota },
      }),
      201,
    );
  }
  await ok(
    request.post(`${base}/projects/shop/environments/web-prod/applications`, {
      headers: h,
      data: { name: "web", image: "nginx:1.27" },
    }),
    201,
  );
  await insertDeadCluster(dead);
  await ok(request.put(`${base}/quotas/${dead}`, { headers: h, data: quota }));
  await ok(
    request.post(`${base}/projects/shop/environments`, {
      headers: h,
      data: { name: "on-dead", type: "test", cluster: dead, quota },
    }),
    201,
  );
});

test("deploy an application: its pods show Running; scale to 3 gives three", async ({ page }) => {
  await page.goto(envPage("web-dev"));
  const dialog = await openDialog(page, "New application", "Create an application");
  await dialog.getByLabel("Name", { exact: true }).fill("web");
  await dialog.getByLabel("Image").fill("nginx:1.27");
  await dialog.getByLabel("Ports").fill("http:80");
  await submit(dialog, "Create");

  const pods = page.getByRole("table", { name: "Pods" });
  await expect(pods.getByRole("row").filter({ hasText: "Running" })).toHaveCount(1, { timeout: 30_000 });
  await expect(section(page, "Cluster sync")).toContainText("In sync", { timeout: 30_000 });

  const scale = await openDialog(page, "Scale web", "Scale web");
  await scale.getByLabel("Replicas").fill("3");
  await submit(scale, "Save");
  await expect(pods.getByRole("row").filter({ hasText: "Running" })).toHaveCount(3, { timeout: 30_000 });
  await page.screenshot({ path: "test-results/screens/workloads.png", fullPage: true });

  await page
    .getByRole("button", {
      name: `Logs of ${await pods.getByRole("row").nth(1).getByRole("cell").first().innerText()}`,
    })
    .click();
  await expect(page.getByRole("log")).toContainText(/\S/);
});

test("a project dev sees no scale button in prod, and the API refuses it", async ({ browser, request }) => {
  const page = await signInAs(browser, dev.username, dev.password);
  await page.goto(envPage("web-prod"));
  await expect(
    page.getByRole("table", { name: "Deployments" }).getByRole("cell", { name: "web", exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Scale web" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restart web" })).toHaveCount(0);
  await page.goto(envPage("web-dev"));
  await expect(page.getByRole("button", { name: "Scale web" })).toBeVisible({ timeout: 30_000 });
  await page.context().close();

  const login = await request.post("/api/v1/login", { data: dev, headers: { "x-forwarded-for": freshAddress() } });
  const token = (await login.json()).token;
  const res = await request.post(`${base}/projects/shop/environments/web-prod/applications/web/scale`, {
    headers: { authorization: `Bearer ${token}` },
    data: { replicas: 2 },
  });
  expect(res.status()).toBe(403);
});

test("an unreachable cluster shows its error on its pages without breaking the others", async ({ page }) => {
  await page.goto(envPage("on-dead"));
  await expect(section(page, "Workloads").getByRole("alert")).toContainText(dead, { timeout: 20_000 });
  await expect(section(page, "Applications")).toBeVisible();
  await page.goto(`/clusters/${dead}`);
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Unreachable");
  await page.goto("/clusters");
  await expect(page.getByRole("table", { name: "Clusters" }).getByRole("row", { name: /^sandbox/ })).toContainText(
    "Reachable",
  );
  await page.goto(envPage("web-dev"));
  await expect(
    page.getByRole("table", { name: "Pods" }).getByRole("row").filter({ hasText: "Running" }).first(),
  ).toBeVisible({ timeout: 20_000 });
});

test("a sysadmin downloads a working kubeconfig for the sandbox, sees it on the API tokens page and revokes it", async ({
  page,
  request,
}) => {
  await page.goto("/clusters/sandbox");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download kubeconfig" }).click();
  const file = await (await download).path();
  const { execFileSync, spawnSync } = await import("node:child_process");
  const out = execFileSync("kubectl", ["--kubeconfig", file!, "get", "namespaces", "-o", "name"], { encoding: "utf8" });
  expect(out).toContain(`namespace/${tenant}-web-dev`);

  // The newest credential of the admin is the one just downloaded.
  const listed = await request.get("/api/v1/me/sandbox-credentials", { headers: await adminHeaders(request) });
  const [mine] = (await listed.json()).items as { id: number; name: string }[];
  await page.goto("/account/tokens");
  const panel = section(page, "Sandbox kubeconfigs");
  const dialog = await openDialog(
    panel,
    `Revoke sandbox credential ${mine.id}`,
    `Delete sandbox credential ${mine.name} #${mine.id}?`,
  );
  await dialog.getByLabel(`Type ${mine.name} #${mine.id} to confirm`).fill(`${mine.name} #${mine.id}`);
  await submit(dialog, "Delete this sandbox credential");
  await expect(panel.getByRole("button", { name: `Revoke sandbox credential ${mine.id}` })).toHaveCount(0);
  const refused = spawnSync("kubectl", ["--kubeconfig", file!, "get", "namespaces", "-o", "name"], {
    encoding: "utf8",
  });
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toMatch(/Unauthorized|must be logged in/i);
});
