import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// A pod's logs (follow, download) and a shell in it, from the environment page.
test.describe.configure({ mode: "serial" });

const tenant = `ls-${Date.now().toString(36)}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/dev`;

test.beforeAll(async ({ request }) => {
  const { headers, env } = await createEnvironmentWorld(request, tenant, "dev");
  const res = await request.post(`${env}/applications`, { headers, data: { name: "web", image: "nginx:1.27" } });
  expect(res.status(), await res.text()).toBe(201);
});

async function runningPod(page: import("@playwright/test").Page) {
  await page.goto(envPage);
  const pods = page.getByRole("table", { name: "Pods" });
  const row = pods.getByRole("row").filter({ hasText: "Running" });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  return row;
}

test("logs: follow shows new lines; download saves what is shown", async ({ page }) => {
  const row = await runningPod(page);
  await row.getByRole("button", { name: /^Logs of web-/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Logs of web-/ });
  const log = dialog.getByRole("log");
  await expect(log).toContainText("nginx", { timeout: 15_000 });
  await dialog.getByLabel("Timestamps").check();
  await dialog.getByLabel("Follow").check();
  await expect(dialog.getByRole("status")).toContainText("Following");
  const lines = async () => ((await log.textContent()) ?? "").split("\n").filter((l) => /^\d{4}-/.test(l)).length;
  await expect.poll(lines, { timeout: 15_000 }).toBeGreaterThan(0);
  const first = await lines();
  // The simulated container writes an event every five seconds.
  await expect.poll(lines, { timeout: 20_000 }).toBeGreaterThan(first);

  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^web-.+-web\.log$|^web-.+\.log$/);
  const saved = await readFile((await file.path())!, "utf8");
  expect(saved.split("\n").filter((l) => /^\d{4}-/.test(l)).length).toBeGreaterThan(first);
});

test("shell: type echo hello, see hello", async ({ page }) => {
  const row = await runningPod(page);
  await row.getByRole("button", { name: /^Shell in web-/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Shell in web-/ });
  const terminal = dialog.getByRole("application", { name: /^Terminal of web-/ });
  await expect(terminal).toContainText("#", { timeout: 15_000 });
  await terminal.click();
  await page.keyboard.type("echo hello");
  await page.keyboard.press("Enter");
  await expect(terminal.getByText(/^\s*hello\s*$/)).toBeVisible();
});
