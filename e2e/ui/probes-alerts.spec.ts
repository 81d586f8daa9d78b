import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// Probes, alert rules, channels and the bell through the console, against the real APIs: the
// probe runs through the blackbox exporter against this very server (loopback is allowed in
// e2e, FACET_EGRESS_ALLOW_LOOPBACK=1), and "Send test" reaches a webhook receiver the test runs.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `pra-${suffix}`;
const environment = "pra-dev";
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;

let receiver: Server;
let receiverUrl = "";
const received: { path: string; body: unknown }[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
  });

test.beforeAll(async ({ request }) => {
  await createEnvironmentWorld(request, tenant, environment);
  receiver = createServer(async (req, res) => {
    const text = await readBody(req);
    received.push({ path: req.url ?? "", body: text ? JSON.parse(text) : null });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

test("a probe of the server's own health route shows up, with uptime, latency and its chart", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  await page.goto(`${envPage}/probes`);
  await expect(
    page.getByRole("navigation", { name: "Telemetry views" }).getByRole("link", { name: "Probes" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No probes yet")).toBeVisible();

  // A target that is neither a URL nor host:port is refused, and the error sits on the field.
  await page.getByRole("button", { name: "New probe", exact: true }).click();
  let dialog = page.getByRole("dialog", { name: "New probe" });
  await dialog.getByLabel("Name", { exact: true }).fill("health");
  await dialog.getByLabel("Target", { exact: true }).fill("not a url at all");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByLabel("Target", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "New probe", exact: true }).click();
  dialog = page.getByRole("dialog", { name: "New probe" });
  await dialog.getByLabel("Name", { exact: true }).fill("health");
  await dialog.getByLabel("Kind", { exact: true }).selectOption("http");
  await dialog.getByLabel("Target", { exact: true }).fill(`${baseURL}/api/health`);
  await dialog.getByLabel("Interval (seconds)").fill("10");
  await dialog.getByLabel("Timeout (seconds)").fill("5");
  await dialog.getByLabel("Accepted status codes").fill("200");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Probe health created" })).toBeVisible();

  const row = page.getByRole("table", { name: "Probes" }).getByRole("row", { name: /health/ });
  await expect(row).toContainText(`${baseURL}/api/health`);
  // The scheduler spreads the first run over one interval; the list polls every 15 s.
  await expect(async () => {
    await page.reload();
    const fresh = page.getByRole("table", { name: "Probes" }).getByRole("row", { name: /health/ });
    await expect(fresh).toContainText("Up", { timeout: 2_000 });
    await expect(fresh).toContainText(/\d+\.\d\d%/, { timeout: 2_000 });
    await expect(fresh).toContainText(/\d+ ms/, { timeout: 2_000 });
    await expect(fresh).toContainText("200", { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });

  await page.getByRole("link", { name: "health", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${envPage}/probes/health$`));
  await expect(page.getByRole("heading", { name: "health", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("img", { name: /^Success and failure over the last 24h: uptime \d+\.\d\d%$/ }),
  ).toBeVisible();
  await expect(page.getByRole("figure", { name: "Latency of health by phase" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Status codes of health over time" })).toBeVisible();
  await page.getByLabel("Window").selectOption("1h");
  await expect(page.getByRole("figure", { name: "Latency of health by phase" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/probe-page.png" });
});

test("a channel is created, and Send test shows what the receiver got", async ({ page }) => {
  await page.goto(`/tenants/${tenant}/alert-channels`);
  await expect(
    page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Alert channels" }),
  ).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "New channel", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New alert channel" });
  await dialog.getByLabel("Name", { exact: true }).fill("hook");
  await dialog.getByLabel("Kind", { exact: true }).selectOption("webhook");
  await dialog.getByLabel("URL", { exact: true }).fill(receiverUrl);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Channel hook created" })).toBeVisible();
  const row = page.getByRole("table", { name: "Alert channels" }).getByRole("row", { name: /hook/ });
  await expect(row).toContainText("Webhook");

  await row.getByRole("button", { name: "Send test to hook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test message delivered to hook." })).toBeVisible();
  expect(received.length).toBeGreaterThan(0);
  // Alertmanager's webhook payload, version 4.
  expect(received.at(-1)?.body).toMatchObject({ version: "4" });

  // A receiver that is gone: the failure is shown, not swallowed.
  receiverUrl = receiverUrl.replace(/:\d+\//, ":1/");
  await page.getByRole("button", { name: "New channel", exact: true }).click();
  const second = page.getByRole("dialog", { name: "New alert channel" });
  await second.getByLabel("Name", { exact: true }).fill("gone");
  await second.getByLabel("URL", { exact: true }).fill(receiverUrl);
  await second.getByRole("button", { name: "Create", exact: true }).click();
  await expect(second).toBeHidden();
  await page
    .getByRole("table", { name: "Alert channels" })
    .getByRole("row", { name: /gone/ })
    .getByRole("button", { name: "Send test to gone" })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "Test message to gone failed" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/alert-channels.png" });
});

test("an alert rule from a template, sent to the channel; enable and disable; bad PromQL is refused with its position", async ({
  page,
}) => {
  await page.goto(`${envPage}/alerts`);
  await expect(page.getByText("No alert rules yet")).toBeVisible();
  await page.getByRole("button", { name: "New rule", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New alert rule" });
  await dialog.getByLabel("Name", { exact: true }).fill("cpu-high");
  await dialog.getByLabel("Kind", { exact: true }).selectOption("metric");
  await dialog.getByRole("radio", { name: "From a template" }).check();
  // The catalogue is the server's: pick a rule the embedded store can evaluate.
  const catalogue = (await (await page.request.get("/api/v1/alert-templates")).json()) as {
    scopes: { name: string; resources: { name: string; rules: { name: string; embedded: boolean }[] }[] }[];
  };
  const pick = catalogue.scopes
    .flatMap((sc) => sc.resources.flatMap((r) => r.rules.map((ru) => ({ scope: sc.name, resource: r.name, ...ru }))))
    .find((ru) => ru.embedded);
  expect(pick, "a template the embedded store can evaluate").toBeTruthy();
  await dialog.getByLabel("Scope", { exact: true }).selectOption(pick!.scope);
  await dialog.getByLabel("Resource", { exact: true }).selectOption(pick!.resource);
  await dialog.getByLabel("Rule", { exact: true }).selectOption(pick!.name);
  await dialog.getByLabel("Level 1 threshold").fill("80");
  await dialog.getByLabel("Level 1 severity").selectOption("warning");
  await dialog.getByRole("button", { name: "Add level" }).click();
  await dialog.getByLabel("Level 2 operator").selectOption(">=");
  await dialog.getByLabel("Level 2 threshold").fill("95");
  await dialog.getByLabel("For (seconds)").fill("60");
  await dialog.getByLabel("Message").fill("{{ $labels.pod }} at {{ $value }}");
  await dialog.getByRole("button", { name: "Add receiver" }).click();
  await dialog.getByLabel("Receiver 1 channel").selectOption({ label: "hook (Webhook)" });
  await dialog.getByLabel("Receiver 1 repeat every").selectOption({ label: "15 min" });
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Rule cpu-high created." })).toBeVisible();

  const rules = page.getByRole("table", { name: "Alert rules" });
  const row = rules.getByRole("row", { name: /cpu-high/ });
  await expect(row).toContainText("Metric");
  await expect(row).toContainText("> 80 → Warning; >= 95 → Critical");
  const enabled = row.getByRole("switch", { name: "Rule cpu-high enabled" });
  await expect(enabled).toHaveAttribute("aria-checked", "true");
  await enabled.click();
  await expect(enabled).toHaveAttribute("aria-checked", "false");
  await enabled.click();
  await expect(enabled).toHaveAttribute("aria-checked", "true");

  // Raw PromQL that does not parse: 422, and the position shows under the expression.
  await page.getByRole("button", { name: "New rule", exact: true }).click();
  const raw = page.getByRole("dialog", { name: "New alert rule" });
  await raw.getByLabel("Name", { exact: true }).fill("broken");
  await raw.getByRole("radio", { name: "PromQL expression" }).check();
  await raw.getByLabel("PromQL", { exact: true }).fill("sum(rate(http_requests_total[5m])");
  await raw.getByLabel("Level 1 threshold").fill("1");
  await raw.getByRole("button", { name: "Create", exact: true }).click();
  const promql = raw.getByLabel("PromQL", { exact: true });
  await expect(promql).toHaveAttribute("aria-invalid", "true");
  await expect(promql).toHaveAccessibleDescription(/line \d+, column \d+/);
  await raw.getByRole("button", { name: "Close" }).click();

  // A silence by rule, listed, then deleted.
  await page.getByRole("button", { name: "New silence", exact: true }).click();
  const silence = page.getByRole("dialog", { name: "New silence" });
  await silence.getByLabel("Rule", { exact: true }).selectOption("cpu-high");
  await silence.getByLabel("Comment").fill("maintenance window");
  await silence.getByRole("button", { name: "Create", exact: true }).click();
  await expect(silence).toBeHidden();
  const silences = page.getByRole("table", { name: "Silences" });
  await expect(silences.getByRole("row", { name: /rule=cpu-high/ })).toContainText("maintenance window");
  await silences.getByRole("button", { name: "Delete silence rule=cpu-high" }).click();
  // Deleted silences leave the list (an expired one would stay, marked expired).
  await expect(silences.getByRole("row", { name: /rule=cpu-high/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/alerts-tab.png" });
});

test("the tenant's alerts overview and the header bell", async ({ page }) => {
  await page.goto(`/tenants/${tenant}/alerts`);
  await expect(page.getByRole("heading", { name: "Firing now" })).toBeVisible();
  await expect(
    page.getByRole("figure", { name: /^Firing alerts by severity: Critical \d+, Error \d+, Warning \d+, Info \d+$/ }),
  ).toBeVisible();

  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByRole("button", { name: "Mark all read" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
});
