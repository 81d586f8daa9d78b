import { expect, test, type Locator } from "@playwright/test";
import { openDialog, section, submit } from "../support/ui";
import { adminHeaders } from "../support/world";

// Nothing serves this address: saving a telemetry backend does not contact it, and the
// test puts the embedded store back before any page would query it. Saving does check it
// against the egress policy, which allows loopback in the e2e server (and needs a name that resolves).
const PROMETHEUS = "http://127.0.0.1:9";
const SIGNALS = ["Metrics", "Logs", "Traces", "Configs"];

const servedBy = (table: Locator, signal: string, name: string) =>
  table.getByRole("row", { name: new RegExp(`^${signal} `) }).getByRole("cell", { name, exact: true });

// The sandbox is shared by every spec: whatever happened here, it goes back to Facet's own store.
test.afterEach(async ({ request }) => {
  const res = await request.put("/api/v1/clusters/sandbox/telemetry-backends", {
    headers: await adminHeaders(request),
    data: { prometheus: null },
  });
  expect(res.status()).toBe(200);
});

test("a sysadmin points the sandbox's metrics at a Prometheus and back", async ({ page }) => {
  await page.goto("/clusters/sandbox");
  const card = section(page, "Backends");
  const table = card.getByRole("table", { name: "Backends" });
  for (const signal of SIGNALS) await expect(servedBy(table, signal, "Embedded store"), signal).toBeVisible();

  let dialog = await openDialog(card, "Edit telemetry backends", "Edit telemetry backends");
  const url = dialog.getByLabel("Prometheus URL");
  await url.fill("not a url");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription("Enter an http(s) URL, or leave it empty for the embedded store.");
  await url.fill(PROMETHEUS);
  await submit(dialog, "Save");

  await expect(servedBy(table, "Metrics", `Prometheus ${PROMETHEUS}`)).toBeVisible();
  for (const signal of SIGNALS.slice(1)) await expect(servedBy(table, signal, "Embedded store"), signal).toBeVisible();
  await page.screenshot({ path: "test-results/screens/cluster-backends.png", fullPage: true });

  dialog = await openDialog(card, "Edit telemetry backends", "Edit telemetry backends");
  await expect(dialog.getByLabel("Prometheus URL")).toHaveValue(PROMETHEUS);
  await dialog.getByLabel("Prometheus URL").fill("");
  await submit(dialog, "Save");
  for (const signal of SIGNALS) await expect(servedBy(table, signal, "Embedded store"), signal).toBeVisible();
});

test("the config backend form asks for an http(s) Nacos address", async ({ page }) => {
  await page.goto("/clusters/sandbox");
  const card = section(page, "Backends");
  const dialog = await openDialog(card, "Edit config backend", "Edit config backend");
  await expect(dialog.getByLabel("Nacos address")).toHaveCount(0);
  await dialog.getByLabel("Config store").selectOption({ label: "External Nacos" });
  const address = dialog.getByLabel("Nacos address");
  await address.fill("ftp://nacos.e2e.test");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(address).toHaveAccessibleDescription("Enter an http(s) URL such as http://nacos.example:8848.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(servedBy(card.getByRole("table", { name: "Backends" }), "Configs", "Embedded store")).toBeVisible();
});
