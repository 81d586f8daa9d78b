import { expect, test, type Page } from "@playwright/test";
import { admin, normalUser } from "../support/accounts";

// These tests start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("sign in through the form and see the shell", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, normalUser.username, normalUser.password);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Overview" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your account" })).toContainText(normalUser.username);
});

test("a wrong password shows an error on the form", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, normalUser.username, "definitely-wrong");
  await expect(page.getByRole("form", { name: "Sign in to Facet" }).getByRole("alert")).toHaveText(
    "The username or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Username")).toHaveValue(normalUser.username);
});

test("an empty form names the missing fields", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("an anonymous visit to a console URL lands on login and returns there after sign-in", async ({ page }) => {
  await page.goto("/?section=api");
  await expect(page).toHaveURL("/login?callbackUrl=%2F%3Fsection%3Dapi");
  await signIn(page, admin.username, admin.password);
  await expect(page).toHaveURL("/?section=api");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("an external callbackUrl is ignored", async ({ page }) => {
  for (const evil of ["https://evil.example/", "//evil.example/x"]) {
    // Leave the signed-in page first: its in-flight requests could set the session cookie again
    // after it is cleared, and /login would then send a signed-in visitor on to "/".
    await page.goto("about:blank");
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    await signIn(page, admin.username, admin.password);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  }
});
