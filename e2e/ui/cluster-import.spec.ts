import { expect, test } from "@playwright/test";
import { openDialog, submit } from "../support/ui";
import { adminHeaders } from "../support/world";

// Importing a cluster from the console: Facet connects before it saves, and says which field is
// wrong when it cannot. The sandbox's own kubeconfig stands in for a real cluster's.
const name = `imported-${Date.now().toString(36)}`;

test.afterAll(async ({ request }) => {
  await request.delete(`/api/v1/clusters/${name}`, { headers: await adminHeaders(request) });
});

test("a sysadmin imports a cluster from a kubeconfig file and sees it reachable", async ({ page, request }) => {
  const kubeconfig = await (
    await request.get("/api/v1/clusters/sandbox/kubeconfig", { headers: await adminHeaders(request) })
  ).text();
  expect(kubeconfig).toContain("kind: Config");
  await page.goto("/clusters");
  const dialog = await openDialog(page, "Import cluster", "Import cluster");
  await dialog.getByLabel("Name").fill(name);
  await dialog
    .getByLabel("…or upload the file")
    .setInputFiles({ name: "kubeconfig.yaml", mimeType: "text/yaml", buffer: Buffer.from(kubeconfig) });
  await expect(dialog.getByLabel("Kubeconfig", { exact: true })).toHaveValue(/kind: Config/);
  await submit(dialog, "Check and import");
  const row = page.getByRole("table", { name: "Clusters" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Reachable");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});

test("a kubeconfig that is not one, or whose cluster does not answer, is refused and nothing is saved", async ({
  page,
  request,
}) => {
  await page.goto("/clusters");
  const dialog = await openDialog(page, "Import cluster", "Import cluster");
  await dialog.getByLabel("Name").fill(`${name}-bad`);
  await dialog.getByLabel("Kubeconfig", { exact: true }).fill("this: is not a kubeconfig");
  await dialog.getByRole("button", { name: "Check and import" }).click();
  await expect(dialog.getByLabel("Kubeconfig", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toBeVisible();

  const dead = (
    await (await request.get("/api/v1/clusters/sandbox/kubeconfig", { headers: await adminHeaders(request) })).text()
  ).replace(/server: \S+/, "server: http://127.0.0.1:9");
  await dialog.getByLabel("Kubeconfig", { exact: true }).fill(dead);
  await dialog.getByRole("button", { name: "Check and import" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/not reachable|ECONNREFUSED/i);
  expect((await request.get(`/api/v1/clusters/${name}-bad`, { headers: await adminHeaders(request) })).status()).toBe(
    404,
  );
});
