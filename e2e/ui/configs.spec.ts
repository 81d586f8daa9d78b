import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// The config center through the console, checked with the real `nacos` client.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `cfg-${suffix}`;
const env = "cfg-dev";
const page = `/tenants/${tenant}/projects/shop/environments/${env}/configs`;
let key: { username: string; password: string; namespace: string; group: string };

test.beforeAll(async ({ request }) => {
  const world = await createEnvironmentWorld(request, tenant, env);
  const created = await request.post(`${world.env}/config-keys`, {
    headers: world.headers,
    data: { name: "reader", access: "read-only" },
  });
  expect(created.status()).toBe(201);
  key = await created.json();
});

async function typeContent(p: Page, text: string) {
  const editor = p.getByRole("group", { name: "Content" });
  await editor.click();
  await p.keyboard.press("ControlOrMeta+a");
  // One input event, as a paste: key-by-key typing drops characters when the machine is busy.
  await p.keyboard.insertText(text);
}

test("edit a config, see two versions, open the diff, roll back, and a Nacos client gets the rolled-back content", async ({
  page: p,
  baseURL,
}) => {
  await p.goto(page);
  await p.getByRole("link", { name: "New config" }).click();
  await p.getByLabel("Data ID").fill("app.yaml");
  await p.getByLabel("Type").selectOption("yaml");
  await typeContent(p, "mode: one");
  await p.getByRole("button", { name: "Create" }).click();
  await expect(p).toHaveURL(new RegExp(`${page}/app.yaml$`));

  await typeContent(p, "mode: two");
  await p.getByRole("button", { name: "Publish" }).click();
  const history = p.getByRole("table", { name: "History" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history).toContainText("Created");
  await expect(history).toContainText("Changed");

  // Closing the diff must not throw (Monaco's "TextModel got disposed before DiffEditorWidget…").
  const pageErrors: string[] = [];
  p.on("pageerror", (error) => pageErrors.push(error.message));
  const changed = history.getByRole("row").filter({ hasText: "Changed" });
  await changed.getByRole("button", { name: /^Diff of change/ }).click();
  const diff = p.getByRole("dialog", { name: /^Diff of change/ });
  await expect(diff.getByRole("group")).toContainText("mode: one");
  await expect(diff.getByRole("group")).toContainText("mode: two");
  await p.screenshot({ path: "test-results/screens/config-diff.png" });
  await diff.getByRole("button", { name: "Close" }).click();
  await expect(diff).toBeHidden();
  expect(pageErrors).toEqual([]);

  await changed.getByRole("button", { name: /^Roll back change/ }).click();
  await p
    .getByRole("dialog", { name: /^Roll back change/ })
    .getByRole("button", { name: "Roll back" })
    .click();
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(p.getByRole("group", { name: "Content" })).toContainText("mode: one");

  const { NacosConfigClient } = await import("nacos");
  const client = new NacosConfigClient({
    serverAddr: new URL(baseURL!).host,
    namespace: key.namespace,
    username: key.username,
    password: key.password,
    cacheDir: mkdtempSync(join(tmpdir(), "nacos-e2e-")),
    requestTimeout: 5000,
  });
  try {
    expect(await client.getConfig("app.yaml", key.group)).toBe("mode: one");
  } finally {
    client.close();
  }
});

test("invalid JSON in a json-typed config is refused with its line", async ({ page: p }) => {
  await p.goto(`${page}/new`);
  await p.getByLabel("Data ID").fill("broken.json");
  await p.getByLabel("Type").selectOption("json");
  await typeContent(p, '{\n"a": 1,\n"b": \n');
  await p.getByRole("button", { name: "Create" }).click();
  await expect(p.getByRole("alert").filter({ hasText: /line \d+/ })).toBeVisible();
});
