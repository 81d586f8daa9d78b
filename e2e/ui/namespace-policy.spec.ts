import { expect, test } from "@playwright/test";
import { openDialog, section, submit } from "../support/ui";
import { adminHeaders } from "../support/world";

// The sandbox is shared by every spec: its namespace policy goes back to the defaults.
test.afterEach(async ({ request }) => {
  const res = await request.put("/api/v1/clusters/sandbox/namespace-policy", {
    headers: await adminHeaders(request),
    data: {},
  });
  expect(res.status()).toBe(200);
});

test("a sysadmin sees the sandbox's namespace rules, cannot make kube-system adoptable, and sets a level per type", async ({
  page,
}) => {
  await page.goto("/clusters/sandbox");
  const card = section(page, "Namespaces and Pod Security");
  for (const reserved of ["kube-*", "default", "facet-*"])
    await expect(card.getByText(reserved, { exact: true })).toBeVisible();
  const table = card.getByRole("table", { name: "Pod Security levels" });
  await expect(table.getByRole("row", { name: /^Default levels / }).getByRole("cell")).toHaveText(
    "baseline / restricted / restricted",
  );

  let dialog = await openDialog(card, "Edit namespace policy", "Edit namespace policy");
  const adoptable = dialog.getByLabel("Adoptable namespaces");
  await adoptable.fill("kube-system");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(adoptable).toHaveAttribute("aria-invalid", "true");
  await expect(adoptable).toHaveAccessibleDescription(/reserved \(kube-\*\) and can never be adopted/);
  await adoptable.fill("legacy-e2e");
  await dialog
    .getByRole("group", { name: "Environments of type prod" })
    .getByLabel("Enforce")
    .selectOption("restricted");
  await submit(dialog, "Save");

  await expect(card.getByText("legacy-e2e", { exact: true })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Environments of type prod / }).getByRole("cell")).toHaveText(
    "restricted / · / ·",
  );
  await page.screenshot({ path: "test-results/screens/namespace-policy.png", fullPage: true });

  dialog = await openDialog(card, "Edit namespace policy", "Edit namespace policy");
  await expect(dialog.getByLabel("Adoptable namespaces")).toHaveValue("legacy-e2e");
});
