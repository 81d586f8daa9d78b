import { expect, test as setup } from "@playwright/test";
import { admin, normalUser } from "./support/accounts";

// Signs in through the form once per role and keeps the session for the other projects.
for (const account of [admin, normalUser]) {
  setup(`sign in as ${account.username}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username").fill(account.username);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.context().storageState({ path: account.storage });
  });
}
