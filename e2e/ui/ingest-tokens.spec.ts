import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { normalUser } from "../support/accounts";
import { logLine } from "../support/otlp";
import { openDialog, section, submit } from "../support/ui";
import { createEnvironmentWorld } from "../support/world";

// Ingest tokens through the console: the secret and the OTEL_* lines shown once are enough for an
// exporter to send, and revoking the token in the console shuts it out.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `ing-${suffix}`;
const environment = "ing-dev";
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;
let namespace = "";

test.beforeAll(async ({ request }) => {
  const world = await createEnvironmentWorld(request, tenant, environment);
  const env = await request.get(world.env, { headers: world.headers });
  expect(env.status()).toBe(200);
  namespace = (await env.json()).namespace;
  // The e2e user becomes a project tester: a reader of this dev environment, not a writer.
  const base = `/api/v1/tenants/${tenant}`;
  for (const [path, role] of [
    [`${base}/members`, "member"],
    [`${base}/projects/shop/members`, "test"],
  ]) {
    const res = await request.post(path, { headers: world.headers, data: { username: normalUser.username, role } });
    expect(res.status(), await res.text()).toBe(201);
  }
});

/** What an exporter configured with the panel's OTEL_* lines sends. */
type Exporter = { logsUrl: string; headers: Record<string, string>; resource: Record<string, string> };

function exporterFrom(lines: string): Exporter {
  const env = Object.fromEntries(
    lines.split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  const pairs = (v: string) =>
    Object.fromEntries(
      v.split(",").map((p) => [p.slice(0, p.indexOf("=")), decodeURIComponent(p.slice(p.indexOf("=") + 1))]),
    );
  return {
    logsUrl: `${env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/logs`,
    headers: { ...pairs(env.OTEL_EXPORTER_OTLP_HEADERS), "content-type": "application/json" },
    resource: pairs(env.OTEL_RESOURCE_ATTRIBUTES),
  };
}

async function createToken(panel: Locator, name: string): Promise<{ token: string; exporter: Exporter }> {
  const dialog = await openDialog(panel, "New ingest token", "Create an ingest token");
  await dialog.getByLabel("Name").fill(name);
  await submit(dialog, "Create");
  const token = await panel.getByRole("figure", { name: "Ingest token" }).getByRole("code").innerText();
  expect(token).toMatch(/^fit_/);
  const lines = await panel
    .getByRole("figure", { name: "Environment variables of the exporting service" })
    .getByRole("code")
    .innerText();
  return { token, exporter: exporterFrom(lines) };
}

async function revokeToken(panel: Locator, name: string) {
  const dialog = await openDialog(panel, `Revoke ingest token ${name}`, `Delete ingest token ${name}?`);
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await submit(dialog, "Delete this ingest token");
  const row = panel.getByRole("table", { name: "Ingest tokens" }).getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(row.getByRole("cell", { name: "Revoked" })).toBeVisible();
  await expect(panel.getByRole("button", { name: `Revoke ingest token ${name}` })).toHaveCount(0);
}

async function send(request: APIRequestContext, exporter: Exporter, resource: Record<string, string>) {
  return request.post(exporter.logsUrl, {
    headers: exporter.headers,
    data: logLine("hello from the e2e exporter", { "service.name": "e2e-exporter", ...resource }),
  });
}

async function expectAccepted(request: APIRequestContext, exporter: Exporter, resource: Record<string, string>) {
  const res = await send(request, exporter, resource);
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toEqual({});
}

test("create an environment token, export a log line with what the panel shows, revoke it: 401", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto(envPage);
  const panel = section(page, "Ingest tokens");
  const name = `orders-${suffix}`;
  const { token, exporter } = await createToken(panel, name);
  expect(exporter.logsUrl).toBe(`${baseURL}/api/otlp/v1/logs`);
  expect(exporter.headers.Authorization).toBe(`Bearer ${token}`);
  expect(exporter.resource).toEqual({ "k8s.namespace.name": namespace });
  await page.screenshot({ path: "test-results/screens/ingest-token-created.png", fullPage: true });

  await expectAccepted(request, exporter, exporter.resource);
  // Gone once dismissed: the secret is shown only this once.
  await panel.getByRole("button", { name: "I have copied it" }).click();
  await expect(panel.getByRole("figure", { name: "Ingest token" })).toHaveCount(0);
  const row = panel.getByRole("table", { name: "Ingest tokens" }).getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(row.getByRole("cell", { name: token.slice(0, 12), exact: false })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell", { name: "Never" })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await revokeToken(panel, name);
  const refused = await send(request, exporter, exporter.resource);
  expect(refused.status()).toBe(401);
});

test("a cluster token needs the resource to name its namespace, and stops working once revoked", async ({
  page,
  request,
}) => {
  await page.goto("/clusters/sandbox");
  const panel = section(page, "Ingest tokens");
  const name = `collector-${suffix}`;
  const { exporter } = await createToken(panel, name);
  expect(exporter.resource).toEqual({ "k8s.namespace.name": "<namespace>" });
  await expect(panel).toContainText("Replace <namespace> with the namespace the data belongs to.");

  await expectAccepted(request, exporter, { "k8s.namespace.name": namespace });
  await revokeToken(panel, name);
  expect((await send(request, exporter, { "k8s.namespace.name": namespace })).status()).toBe(401);
});

test.describe("a reader of the environment", () => {
  test.use({ storageState: normalUser.storage });

  test("sees no ingest tokens panel", async ({ page }) => {
    await page.goto(envPage);
    await expect(section(page, "Applications")).toBeVisible();
    await expect(section(page, "Ingest tokens")).toHaveCount(0);
  });
});
