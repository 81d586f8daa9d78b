import { expect, test, type APIRequestContext } from "@playwright/test";
import { freshAddress } from "../support/problem";
import { openDialog, submit } from "../support/ui";
import { adminHeaders } from "../support/world";

// A sysadmin manages a user from the Users page: system role, disable and enable, password
// reset, delete (typing the name to confirm). Each change is checked through the API.
const username = `ua-${Date.now().toString(36)}`;
const password = "first-password-1";

const loginStatus = async (request: APIRequestContext, pw: string) =>
  (
    await request.post("/api/v1/login", {
      data: { username, password: pw },
      headers: { "x-forwarded-for": freshAddress() },
    })
  ).status();

test("a sysadmin changes a user's role, disables and enables them, resets the password and deletes them", async ({
  page,
  request,
}) => {
  const headers = await adminHeaders(request);
  expect((await request.post("/api/v1/users", { headers, data: { username, password } })).status()).toBe(201);
  const user = async () => (await request.get(`/api/v1/users/${username}`, { headers })).json();

  await page.goto(`/users?q=${username}`);
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByText(username, { exact: true })).toBeVisible();

  await table.getByLabel(`System role of ${username}`).selectOption("sysadmin");
  await expect.poll(async () => (await user()).systemRole).toBe("sysadmin");
  await table.getByLabel(`System role of ${username}`).selectOption("normal");
  await expect.poll(async () => (await user()).systemRole).toBe("normal");

  await table.getByRole("button", { name: `Disable ${username}` }).click();
  await expect(table.getByRole("button", { name: `Enable ${username}` })).toBeVisible();
  expect(await loginStatus(request, password)).toBe(401);
  await table.getByRole("button", { name: `Enable ${username}` }).click();
  await expect(table.getByRole("button", { name: `Disable ${username}` })).toBeVisible();
  expect(await loginStatus(request, password)).toBe(200);

  const reset = await openDialog(table, `Reset the password of ${username}`, `Reset the password of ${username}`);
  await reset.getByLabel("New password").fill("second-password-2");
  await submit(reset, "Save");
  expect(await loginStatus(request, password)).toBe(401);
  expect(await loginStatus(request, "second-password-2")).toBe(200);

  const confirm = await openDialog(table, `Delete ${username}`, `Delete user ${username}?`);
  const remove = confirm.getByRole("button", { name: /^Delete/ });
  await expect(remove).toBeDisabled();
  await confirm.getByRole("textbox").fill(username);
  await remove.click();
  // While the dialog is open the table is hidden from the accessibility tree: wait for it to close.
  await expect(confirm).toBeHidden();
  await expect(table.getByText(username, { exact: true })).toHaveCount(0);
  expect((await request.get(`/api/v1/users/${username}`, { headers })).status()).toBe(404);
});
