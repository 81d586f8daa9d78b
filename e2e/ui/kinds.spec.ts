import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/ui";
import { adminHeaders } from "../support/world";

// The environment's Resources card: every common kind, Secrets revealed on request, events.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `kinds-${suffix}`;
const base = `/api/v1/tenants/${tenant}`;
const env = `${base}/projects/shop/environments/kinds-dev`;
const envPage = `/tenants/${tenant}/projects/shop/environments/kinds-dev`;
const operator = { username: `op-${suffix}`, password: "kinds-operator-password" };
const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: feature-flags
data:
  checkout: "on"
  banner: spring
`;

test.beforeAll(async ({ request }) => {
  const h = await adminHeaders(request);
  const ok = async (p: Promise<{ status(): number; text(): Promise<string> }>, status = 200) => {
    const res = await p;
    expect(res.status(), await res.text()).toBe(status);
  };
  await ok(request.post("/api/v1/users", { headers: h, data: operator }), 201);
  await ok(request.post("/api/v1/tenants", { headers: h, data: { name: tenant } }), 201);
  await ok(
    request.put(`${base}/quotas/sandbox`, {
      headers: h,
      data: { cpu: "8", memory: "16Gi", storage: "50Gi", pods: "50" },
    }),
  );
  await ok(request.post(`${base}/members`, { headers: h, data: { username: operator.username, role: "member" } }), 201);
  await ok(request.post(`${base}/projects`, { headers: h, data: { name: "shop" } }), 201);
  await ok(
    request.post(`${base}/projects/shop/environments`, {
      headers: h,
      data: {
        name: "kinds-dev",
        type: "dev",
        cluster: "sandbox",
        quota: { cpu: "4", memory: "8Gi", storage: "10Gi", pods: "20" },
      },
    }),
    201,
  );
  // Its namespace now, not at the reconciler's next pass: the objects below go into it.
  await ok(request.post(`${env}/sync`, { headers: h }));
  await ok(
    request.post(`${env}/members`, { headers: h, data: { username: operator.username, role: "operator" } }),
    201,
  );
  await ok(
    request.post(`${env}/objects/secrets`, {
      headers: h,
      data: {
        yaml: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: s3cret-value\n",
      },
    }),
    201,
  );
  // An image the sandbox kubelet cannot pull: its pods stay Pending and leave Warning events.
  await ok(
    request.post(`${env}/applications`, {
      headers: h,
      data: { name: "broken", image: "registry.local/does-not-exist:1" },
    }),
    201,
  );
});

const resources = (page: Page) => page.getByRole("region", { name: "Resources", exact: true });

test("create a ConfigMap from YAML: the dry-run diff first, then it is listed", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(envPage);
  const card = resources(page);
  await card.getByRole("tab", { name: "ConfigMaps" }).click();
  await card.getByRole("button", { name: "Create ConfigMaps from YAML" }).click();
  const dialog = page.getByRole("dialog", { name: "Create ConfigMaps from YAML" });
  const editor = dialog.getByRole("group", { name: "YAML of the new object" });
  await expect(editor).toContainText("kind: ConfigMap");
  await page.evaluate((text) => navigator.clipboard.writeText(text), CONFIGMAP);
  await editor.getByRole("textbox").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  const diff = dialog.getByRole("region", { name: "Changes (dry run against the cluster)" });
  await expect(diff).toContainText("feature-flags");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  const table = card.getByRole("table", { name: "ConfigMaps" });
  const row = table.getByRole("row").filter({ hasText: "feature-flags" });
  await expect(row).toContainText("checkout");
  await expect(row).toContainText("banner");
});

test("an operator reveals a Secret's values; the list shows only keys and sizes", async ({ browser }) => {
  const page = await signInAs(browser, operator.username, operator.password);
  await page.goto(envPage);
  const card = resources(page);
  await card.getByRole("tab", { name: "Secrets" }).click();
  const row = card.getByRole("table", { name: "Secrets" }).getByRole("row").filter({ hasText: "db" });
  await expect(row).toContainText("password");
  await expect(row).toContainText("12 B");
  await expect(page.getByText("s3cret-value")).toHaveCount(0);
  await row.getByRole("button", { name: "Reveal values of db" }).click();
  const dialog = page.getByRole("dialog", { name: "Values of db" });
  await expect(dialog).toContainText("audit log");
  await dialog.getByRole("button", { name: "Reveal", exact: true }).click();
  await expect(dialog.getByRole("table", { name: "Values of db" })).toContainText("s3cret-value");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText("s3cret-value")).toHaveCount(0);
  await page.context().close();
});

test("filter the events to warnings", async ({ page }) => {
  await page.goto(envPage);
  const card = resources(page);
  await card.getByRole("tab", { name: "Events" }).click();
  const table = card.getByRole("table", { name: "Events" });
  await expect(table.getByRole("row").filter({ hasText: "Normal" }).first()).toBeVisible({ timeout: 30_000 });
  await card.getByLabel("Type").selectOption("Warning");
  await expect(table.getByRole("row").filter({ hasText: "Normal" })).toHaveCount(0);
  const warnings = table.getByRole("row").filter({ hasText: "Warning" });
  await expect(warnings.filter({ hasText: "does-not-exist" }).first()).toBeVisible({ timeout: 30_000 });
  await card.getByLabel("Text").fill("ErrImagePull");
  await card.getByRole("button", { name: "Filter" }).click();
  await expect(warnings.first()).toContainText("ErrImagePull");
  await expect(table.getByRole("row").filter({ hasNotText: "ErrImagePull" })).toHaveCount(1); // the header row
});

test("at 390 px the card stays within the screen and its tables scroll inside it", async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(envPage);
  const card = resources(page);
  await card.getByRole("tab", { name: "Events" }).click();
  const table = card.getByRole("table", { name: "Events" });
  await expect(table).toBeVisible();
  const box = await card.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  // The table is wider than the phone; its own wrapper scrolls, not the page.
  const scroller = table.locator("xpath=..");
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(await scroller.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  await card.screenshot({ path: info.outputPath("resources-390-dark.png") });
});
