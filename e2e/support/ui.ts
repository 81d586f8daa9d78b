import { expect, type Browser, type Locator, type Page } from "@playwright/test";

/** A fresh browser context signed in through the form. */
export async function signInAs(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

/** Opens the dialog behind a button and returns it. */
export async function openDialog(scope: Page | Locator, button: string, title: string): Promise<Locator> {
  await scope.getByRole("button", { name: button, exact: true }).click();
  const page = "page" in scope ? scope.page() : scope;
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Submits a dialog and waits for it to close. */
export async function submit(dialog: Locator, button: string) {
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

export function section(page: Page, name: string): Locator {
  return page.getByRole("region", { name, exact: true });
}
