import { expect, test } from "@playwright/test";
import { normalUser } from "../support/accounts";

// The facet-system view: the console's own spans and logs (written by the server under test
// while it serves these very pages), for sysadmins only.

test("a sysadmin follows Facet's own APM to its traces and logs", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Facet system" }).click();
  await expect(page).toHaveURL(/\/system\/apm/);
  await expect(page.getByRole("heading", { name: "Facet system", level: 1 })).toBeVisible();

  // Spans leave the server in batches every 2 s: look again until the service shows.
  const services = page.getByRole("table", { name: "Services" });
  await expect(async () => {
    await page.reload();
    await expect(services.getByRole("button", { name: "facet" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await services.getByRole("button", { name: "facet" }).click();
  await expect(page.getByRole("figure", { name: "Latency of facet" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Operations" }).getByRole("row").nth(1)).toBeVisible();

  await page.getByRole("navigation", { name: "Telemetry views" }).getByRole("link", { name: "Traces" }).click();
  await expect(page).toHaveURL(/\/system\/traces/);
  await page.getByRole("search", { name: "Trace search" }).getByLabel("Service").fill("facet");
  await page.getByRole("button", { name: "Find" }).click();
  const first = page
    .getByRole("table", { name: "Traces" })
    .getByRole("link", { name: /^Open trace facet: / })
    .first();
  await first.click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}$/);
  await expect(page.getByRole("tree", { name: "Waterfall" })).toBeVisible();

  await page.goto("/system/logs?service=facet");
  await expect(page.getByRole("list", { name: "Log lines" }).getByRole("listitem").first()).toBeVisible({
    timeout: 15_000,
  });
  await page.screenshot({ path: "test-results/screens/system-logs.png", fullPage: true });
});

test.describe("someone who is not a sysadmin", () => {
  test.use({ storageState: normalUser.storage });

  test("has no Facet system entry and gets not-found for its pages", async ({ page }) => {
    await page.goto("/");
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Tenants" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Facet system" })).toHaveCount(0);
    for (const path of ["/system/apm", "/system/traces", "/system/logs"])
      expect((await page.goto(path))?.status(), path).toBe(404);
  });
});
