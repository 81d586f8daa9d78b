import { expect, test } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// Long results are paged by time, newest first: 130 log lines show as 100, then "Older" shows the
// other 30 and "Newest" goes back; the page never grows past one page of lines.
const suffix = Date.now().toString(36);
const tenant = `pg-${suffix}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/pg-dev`;
const LINES = 130;

test.beforeAll(async ({ request }) => {
  const world = await createEnvironmentWorld(request, tenant, "pg-dev");
  const token = await request.post(`${world.env}/ingest-tokens`, { headers: world.headers, data: { name: "paging" } });
  expect(token.status()).toBe(201);
  const now = Date.now();
  const logRecords = Array.from({ length: LINES }, (_, i) => ({
    // One a second, the newest five seconds ago: all inside the default hour.
    timeUnixNano: `${BigInt(now - 5_000 - i * 1_000) * 1_000_000n}`,
    severityNumber: 9,
    severityText: "INFO",
    body: { stringValue: `paged line ${String(i).padStart(3, "0")}` },
  }));
  const res = await request.post("/api/otlp/v1/logs", {
    headers: { authorization: `Bearer ${(await token.json()).token}`, "content-type": "application/json" },
    data: {
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "pager" } }] },
          scopeLogs: [{ scope: { name: "e2e" }, logRecords }],
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test("logs come a page at a time: older and back to the newest", async ({ page }) => {
  await page.goto(`${envPage}/logs?service=pager`);
  const lines = page.getByRole("list", { name: "Log lines" }).getByRole("listitem");
  await expect(lines).toHaveCount(100);
  await expect(lines.first()).toContainText("paged line 000");
  await expect(lines.last()).toContainText("paged line 099");
  const pages = page.getByRole("navigation", { name: "Log pages" });
  await pages.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(lines).toHaveCount(LINES - 100);
  await expect(lines.first()).toContainText("paged line 100");
  await expect(pages.getByRole("button", { name: "Older" })).toHaveCount(0);
  await pages.getByRole("button", { name: "Newest" }).click();
  await expect(lines).toHaveCount(100);
  await expect(lines.first()).toContainText("paged line 000");
});
