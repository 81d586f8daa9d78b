import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { LDAP_ADMIN, LDAP_ADMIN_PASSWORD, LDAP_BASE, LDAP_PEOPLE } from "../../lib/testing/slapd";
import { OIDC_CLIENT } from "../../lib/testing/oidc-op";
import { freshAddress } from "../support/problem";
import { adminHeaders } from "../support/world";

// Sign-in through a real slapd and a real OpenID Connect provider (started by global setup).
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const [ada, grace] = LDAP_PEOPLE;

test.beforeAll(async ({ request }) => {
  const headers = await adminHeaders(request);
  // The same provider configured by hand: its endpoints, and claims mapped differently.
  const discovery = await (await request.get(`${process.env.E2E_OIDC_ISSUER}/.well-known/openid-configuration`)).json();
  const manual = {
    authorizationUrl: discovery.authorization_endpoint,
    tokenUrl: discovery.token_endpoint,
    userinfoUrl: discovery.userinfo_endpoint,
    clientId: OIDC_CLIENT.id,
    claims: { username: "sub", email: "email", displayName: "preferred_username" },
  };
  const sources = [
    { name: "manual", kind: "oidc", displayName: "Company OAuth", config: manual, clientSecret: OIDC_CLIENT.secret },
    {
      name: "corp",
      kind: "ldap",
      displayName: "Corp directory",
      config: { url: process.env.E2E_LDAP_URL, bindDn: LDAP_ADMIN, baseDn: `ou=people,${LDAP_BASE}` },
      bindPassword: LDAP_ADMIN_PASSWORD,
    },
    {
      name: "sso",
      kind: "oidc",
      displayName: "Company SSO",
      config: { issuer: process.env.E2E_OIDC_ISSUER, clientId: OIDC_CLIENT.id },
      clientSecret: OIDC_CLIENT.secret,
    },
  ];
  for (const data of sources) {
    const res = await request.post("/api/v1/auth-sources", { headers, data });
    if (res.status() === 409) {
      // A rerun on the same database: the servers listen on new ports now.
      const { config, name } = data;
      expect((await request.patch(`/api/v1/auth-sources/${name}`, { headers, data: { config } })).status()).toBe(200);
    } else expect(res.status(), await res.text()).toBe(201);
  }
});

async function ldapSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Sign in with").selectOption({ label: "Corp directory" });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a directory user signs in through LDAP and gets a Facet account", async ({ page }) => {
  await ldapSignIn(page, ada.uid, ada.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your account" })).toContainText("Ada Lovelace");
  await expect(page.getByRole("region", { name: "Your account" })).toContainText("ada@facet.test");
});

test("a wrong LDAP password and a filter injection are refused", async ({ page }) => {
  for (const [username, password] of [
    [grace.uid, "not-her-password"],
    ["*)(uid=*", grace.password],
    ["*", ada.password],
  ]) {
    await ldapSignIn(page, username, password);
    await expect(page.getByRole("form", { name: "Sign in to Facet" }).getByRole("alert")).toHaveText(
      "The username or password is incorrect.",
    );
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a user signs in through the OpenID Connect provider", async ({ page, baseURL }) => {
  // Next names 127.0.0.1 "localhost" in the URLs next-auth sees; the round trip must use one name.
  const local = baseURL!.replace("127.0.0.1", "localhost");
  await page.goto(`${local}/login`);
  // A click while React hydrates the page can be lost (seen once in CI): let it settle first.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign in with Company SSO" }).click();
  // The provider's own development sign-in pages (not Facet's): login, then consent.
  await page.locator("input[name=login]").fill("olivia");
  await page.locator("input[name=password]").fill("any-password");
  await page.getByRole("button", { name: /sign-in/i }).click();
  await page.getByRole("button", { name: /continue/i }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your account" })).toContainText("olivia@idp.test");
});

/** A fresh local user signed in twice: in a browser context of its own, and for an API token. */
async function signedInUser(browser: Browser, request: APIRequestContext, prefix: string) {
  const headers = await adminHeaders(request);
  const username = `${prefix}-${Date.now().toString(36)}`;
  const password = `${prefix}-password`;
  expect((await request.post("/api/v1/users", { headers, data: { username, password } })).status()).toBe(201);
  const token = (
    await (
      await request.post("/api/v1/login", {
        data: { username, password },
        headers: { "x-forwarded-for": freshAddress() },
      })
    ).json()
  ).token;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  return { headers, username, token, context, page };
}

/** Both the console session and the API token are refused, well within the promised 60 s. */
async function expectSignedOut(
  request: APIRequestContext,
  user: Awaited<ReturnType<typeof signedInUser>>,
  started: number,
) {
  await user.page.goto("/tenants");
  await expect(user.page).toHaveURL(/\/login/);
  expect((await user.page.request.get("/api/v1/me")).status()).toBe(401);
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${user.token}` } })).status()).toBe(401);
  expect(Date.now() - started).toBeLessThan(60_000);
  await user.context.close();
}

test("a user signs in through an OAuth2 source configured by its endpoints, with its claim mapping", async ({
  page,
  baseURL,
}) => {
  const local = baseURL!.replace("127.0.0.1", "localhost");
  await page.goto(`${local}/login`);
  // A click while React hydrates the page can be lost (seen once in CI): let it settle first.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign in with Company OAuth" }).click();
  await page.locator("input[name=login]").fill("mia");
  await page.locator("input[name=password]").fill("any-password");
  await page.getByRole("button", { name: /sign-in/i }).click();
  await page.getByRole("button", { name: /continue/i }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const account = page.getByRole("region", { name: "Your account" });
  await expect(account).toContainText("mia@idp.test");
  // Display name from preferred_username, as mapped, not the provider's `name` ("OIDC mia").
  await expect(account).not.toContainText("OIDC mia");
});

test("a disabled user's console session and API token stop working at once", async ({ browser, request }) => {
  const user = await signedInUser(browser, request, "leaver");
  expect(
    (
      await request.patch(`/api/v1/users/${user.username}`, { headers: user.headers, data: { disabled: true } })
    ).status(),
  ).toBe(200);
  await expectSignedOut(request, user, Date.now());
});

test("a password reset ends the user's console session and API tokens; the new password signs in", async ({
  browser,
  request,
}) => {
  const user = await signedInUser(browser, request, "reset");
  expect(
    (
      await request.patch(`/api/v1/users/${user.username}`, {
        headers: user.headers,
        data: { password: "a-brand-new-password" },
      })
    ).status(),
  ).toBe(200);
  await expectSignedOut(request, user, Date.now());
  const login = await request.post("/api/v1/login", {
    data: { username: user.username, password: "a-brand-new-password" },
    headers: { "x-forwarded-for": freshAddress() },
  });
  expect(login.status()).toBe(200);
});
