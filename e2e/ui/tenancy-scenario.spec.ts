import { expect, test, type Page } from "@playwright/test";
import { normalUser } from "../support/accounts";
import { openDialog, section, signInAs, submit } from "../support/ui";

// The seed's scenario through the console: sysadmin → alice (tenant admin) → dan, tess, oscar.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `acme-${suffix}`;
const pw = "scenario-password";
const people = { alice: `alice-${suffix}`, dan: `dan-${suffix}`, tess: `tess-${suffix}`, oscar: `oscar-${suffix}` };
const envUrl = (e: string) => `/tenants/${tenant}/projects/shop/environments/${e}`;

async function addMember(page: Page, region: string, username: string, role: string) {
  const dialog = await openDialog(section(page, region), "Add member", "Add member");
  await dialog.getByLabel("Username").fill(username);
  await dialog.getByLabel("Role").selectOption({ label: role });
  await submit(dialog, "Add member");
  await expect(section(page, region).getByRole("cell", { name: username, exact: true })).toBeVisible();
}

async function canCreateApplication(page: Page, env: string) {
  await page.goto(envUrl(env));
  await expect(page.getByRole("heading", { name: env, level: 1 })).toBeVisible();
  return page.getByRole("button", { name: "New application" }).isVisible();
}

test("a sysadmin creates the users and tenant acme with a quota and alice as its admin", async ({ page }) => {
  await page.goto("/users");
  for (const username of Object.values(people)) {
    const dialog = await openDialog(page, "New user", "Create a user");
    await dialog.getByLabel("Username").fill(username);
    await dialog.getByLabel("Password").fill(pw);
    await submit(dialog, "Create");
  }
  // Many users may exist: find this run's by searching.
  await page.getByRole("search", { name: "Search users" }).getByRole("textbox").fill(suffix);
  await page.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
  for (const username of Object.values(people)) {
    await expect(page.getByRole("table", { name: "Users" }).getByText(username, { exact: true })).toBeVisible();
  }

  await page.goto("/tenants");
  const create = await openDialog(page, "New tenant", "Create a tenant");
  await create.getByLabel("Name", { exact: true }).fill("Not A DNS Label");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await create.getByLabel("Name", { exact: true }).fill(tenant);
  await submit(create, "Create");
  await expect(page).toHaveURL(`/tenants/${tenant}`);

  const quota = await openDialog(section(page, "Quotas per cluster"), "Set quota", "Set quota");
  await quota.getByLabel("Cluster").selectOption("sandbox");
  await quota.getByLabel("CPU").fill("8");
  await quota.getByLabel("Memory").fill("16Gi");
  await quota.getByLabel("Storage").fill("100Gi");
  await quota.getByLabel("Pods").fill("60");
  await submit(quota, "Save");
  await expect(page.getByRole("meter", { name: "CPU" })).toHaveAttribute("aria-valuetext", "0 / 8");

  await addMember(page, "Members", people.alice, "Tenant admin");
  await page.screenshot({ path: "test-results/screens/tenant.png", fullPage: true });
});

test("alice builds project shop with three environments and gives dan, tess and oscar their roles", async ({
  browser,
}) => {
  const page = await signInAs(browser, people.alice, pw);
  await page.goto(`/tenants/${tenant}`);
  for (const p of [people.dan, people.tess, people.oscar]) await addMember(page, "Members", p, "Tenant member");

  const project = await openDialog(section(page, "Projects"), "New project", "Create a project");
  await project.getByLabel("Name", { exact: true }).fill("shop");
  await submit(project, "Create");
  await section(page, "Projects").getByRole("link", { name: "shop" }).click();
  await expect(page.getByRole("heading", { name: "shop", level: 1 })).toBeVisible();

  for (const [name, type] of [
    ["shop-dev", "Development"],
    ["shop-test", "Test"],
    ["shop-prod", "Production"],
  ]) {
    const dialog = await openDialog(section(page, "Environments"), "New environment", "Create an environment");
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Type").selectOption({ label: type });
    await dialog.getByLabel("CPU").fill("1");
    await dialog.getByLabel("Memory").fill("1Gi");
    await dialog.getByLabel("Storage").fill("10Gi");
    await dialog.getByLabel("Pods").fill("10");
    await submit(dialog, "Create");
    await expect(page.getByRole("region", { name: type }).getByRole("link", { name })).toBeVisible();
  }

  // An environment over the tenant's remainder is refused with the numbers.
  const over = await openDialog(section(page, "Environments"), "New environment", "Create an environment");
  await over.getByLabel("Name", { exact: true }).fill("too-big");
  await over.getByLabel("CPU").fill("6");
  await over.getByLabel("Memory").fill("1Gi");
  await over.getByLabel("Storage").fill("1Gi");
  await over.getByLabel("Pods").fill("1");
  await over.getByRole("button", { name: "Create" }).click();
  await expect(over.getByRole("alert")).toContainText("cpu: requested 6, allocated 3, hard 8");
  await over.getByRole("button", { name: "Close" }).click();

  await addMember(page, "Members", people.dan, "Developer");
  await addMember(page, "Members", people.tess, "Tester");
  await addMember(page, "Members", people.oscar, "Operations");
  await page.screenshot({ path: "test-results/screens/project.png", fullPage: true });
  await page.context().close();
});

test("dan writes only shop-dev; tess only shop-test; oscar all three", async ({ browser }) => {
  const dan = await signInAs(browser, people.dan, pw);
  expect(await canCreateApplication(dan, "shop-dev")).toBe(true);
  const dialog = await openDialog(dan, "New application", "Create an application");
  await dialog.getByLabel("Name", { exact: true }).fill("web");
  await dialog.getByLabel("Image").fill("nginx:1.27");
  await dialog.getByLabel("Ports").fill("http:80");
  await submit(dialog, "Create");
  await expect(section(dan, "Applications").getByRole("cell", { name: "web", exact: true })).toBeVisible();
  expect(await canCreateApplication(dan, "shop-test")).toBe(false);
  expect(await canCreateApplication(dan, "shop-prod")).toBe(false);
  await dan.context().close();

  const tess = await signInAs(browser, people.tess, pw);
  expect(await canCreateApplication(tess, "shop-dev")).toBe(false);
  expect(await canCreateApplication(tess, "shop-test")).toBe(true);
  expect(await canCreateApplication(tess, "shop-prod")).toBe(false);
  await tess.context().close();

  const oscar = await signInAs(browser, people.oscar, pw);
  for (const env of ["shop-dev", "shop-test", "shop-prod"]) expect(await canCreateApplication(oscar, env)).toBe(true);
  await oscar.context().close();
});

test("after alice makes dan operator of shop-prod, he can write there", async ({ browser }) => {
  const alice = await signInAs(browser, people.alice, pw);
  await alice.goto(envUrl("shop-prod"));
  await addMember(alice, "Members", people.dan, "Operator");
  await alice.context().close();

  const dan = await signInAs(browser, people.dan, pw);
  expect(await canCreateApplication(dan, "shop-prod")).toBe(true);
  await dan.context().close();
});

test("someone outside acme finds no trace of it: not in the list, not in the switcher, 404 on its pages", async ({
  browser,
}) => {
  const outsider = await signInAs(browser, normalUser.username, normalUser.password);
  await outsider.goto("/tenants");
  await expect(outsider.getByRole("heading", { name: "Tenants", level: 1 })).toBeVisible();
  await expect(outsider.getByText(tenant, { exact: true })).toHaveCount(0);
  const switcher = outsider.getByRole("group", { name: "Current scope" }).getByLabel("Tenant");
  await expect(switcher.locator("option", { hasText: tenant })).toHaveCount(0);
  for (const path of [`/tenants/${tenant}`, `/tenants/${tenant}/projects/shop`, envUrl("shop-dev")]) {
    expect((await outsider.goto(path))?.status(), path).toBe(404);
  }
  await outsider.context().close();
});

test("every write shows in the audit log", async ({ page }) => {
  await page.goto(`/audit?tenant=${tenant}`);
  const table = page.getByRole("table", { name: "Audit log" });
  for (const action of [
    "tenants.create",
    "tenants.quotas.update",
    "projects.create",
    "environments.create",
    "applications.create",
    "environments.members.add",
  ]) {
    await expect(table.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expect(table.getByRole("row").filter({ hasText: "applications.create" }).first()).toContainText(people.dan);
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });
});
