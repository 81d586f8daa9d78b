import { expect, test } from "@playwright/test";

test("the user menu switches theme and language, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/overview-light.png", fullPage: true });

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: "test-results/screens/overview-dark.png", fullPage: true });

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Back to English for the other tests that share this session.
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
});

test("signing out ends the session", async ({ browser }) => {
  // A session of its own, so signing out does not end the shared one.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill("e2e-user");
  await page.getByLabel("Password").fill("e2e-user-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const copied = await context.cookies();
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The overview is where signing in leads anyway, so the sign-in page needs no callback for it.
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Username")).toBeVisible();
  await context.close();

  // A copy of the session cookie taken before signing out is refused too: the server remembers.
  const replay = await browser.newContext({ storageState: { cookies: copied, origins: [] } });
  const again = await replay.newPage();
  await again.goto("/tenants");
  await expect(again).toHaveURL(/\/login\?callbackUrl=%2Ftenants/);
  expect((await again.request.get("/api/v1/me")).status()).toBe(401);
  await replay.close();
});
