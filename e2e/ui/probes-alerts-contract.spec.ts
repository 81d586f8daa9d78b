import { expect, test, type Page, type Route } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// The console's side of the probes, alerts, channels and notifications contract: the API answers
// are the contract's shapes served by the test, so every state the pages must handle (a 422 by
// field, a PromQL position error, a failed test send, unread notifications) is reachable on demand.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `prc-${suffix}`;
const environment = "prc-dev";
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;
const API = `/api/v1/tenants/${tenant}/projects/shop/environments/${environment}`;

const now = Date.now();
const probe = {
  name: "shop",
  kind: "http",
  target: "https://shop.example.com/health",
  intervalSeconds: 30,
  timeoutSeconds: 5,
  checks: { validStatusCodes: [200], tlsRequired: true, certExpiryWarningDays: 30 },
  enabled: true,
  state: "down",
  lastRunAt: new Date(now - 20_000).toISOString(),
  lastLatencyMs: 123.4,
  lastStatusCode: 503,
  lastError: "HTTP 503 not in [200]",
  uptime24h: 0.995,
  uptime7d: 0.99912,
  createdAt: new Date(now - 86_400_000).toISOString(),
  updatedAt: new Date(now - 86_400_000).toISOString(),
};
const points = Array.from({ length: 12 }, (_, i) => ({
  t: now - (12 - i) * 300_000,
  success: i === 10 ? 0 : 1,
  durationMs: 100 + i,
  phases: { resolve: 5, connect: 10, tls: 20, processing: 60 + i, transfer: 5 },
  statusCode: i === 10 ? 503 : 200,
}));

type Sent = { method: string; path: string; body: unknown };
type Handler = (body: unknown, url: URL) => [number, unknown];

/** Serves the API from handlers keyed by "METHOD /path" (query left out); records what was sent. */
async function serve(page: Page, handlers: Record<string, Handler>) {
  const sent: Sent[] = [];
  const match = (path: string) =>
    path.startsWith(`${API}/probes`) ||
    path.startsWith(`${API}/alert`) ||
    path.startsWith(`${API}/silences`) ||
    path.startsWith(`/api/v1/tenants/${tenant}/alert`) ||
    path.startsWith("/api/v1/alert-") ||
    path.startsWith("/api/v1/me/notifications");
  await page.route(
    (url) => match(url.pathname),
    async (route: Route) => {
      const req = route.request();
      const url = new URL(req.url());
      const body = req.postData() ? JSON.parse(req.postData()!) : undefined;
      sent.push({ method: req.method(), path: url.pathname + url.search, body });
      const handler = handlers[`${req.method()} ${url.pathname}`];
      if (!handler)
        return route.fulfill({ status: 404, json: { title: "Not found", detail: `no mock for ${url.pathname}` } });
      const [status, json] = handler(body, url);
      await route.fulfill({
        status,
        contentType: status >= 400 ? "application/problem+json" : "application/json",
        body: status === 204 ? "" : JSON.stringify(json),
      });
    },
  );
  return sent;
}

const notifications: Record<string, Handler> = {
  "GET /api/v1/me/notifications": () => [
    200,
    {
      unread: 2,
      items: [
        {
          id: 7,
          title: "cpu-high firing",
          body: "web-1 at 97",
          severity: "critical",
          link: `${envPage}/alerts`,
          createdAt: new Date(now - 60_000).toISOString(),
          readAt: null,
        },
        {
          id: 6,
          title: "shop down",
          body: "",
          severity: "warning",
          link: "https://evil.example.com/",
          createdAt: new Date(now - 120_000).toISOString(),
          readAt: null,
        },
      ],
    },
  ],
};

test.beforeAll(async ({ request }) => {
  await createEnvironmentWorld(request, tenant, environment);
});

test("probe list: state, uptime, latency, last status; a 422 lands on its field; delete", async ({ page }) => {
  const sent = await serve(page, {
    ...notifications,
    [`GET ${API}/probes`]: () => [200, { items: [probe] }],
    [`POST ${API}/probes`]: () => [
      422,
      {
        type: "about:blank",
        title: "Invalid",
        status: 422,
        code: "VALIDATION",
        detail: "The body is not valid.",
        errors: [
          { path: "body.intervalSeconds", message: "Must be 10 or more." },
          { path: "body.target", message: "Not a URL." },
        ],
      },
    ],
    [`DELETE ${API}/probes/shop`]: () => [204, null],
  });
  await page.goto(`${envPage}/probes`);
  const row = page.getByRole("table", { name: "Probes" }).getByRole("row", { name: /shop/ });
  await expect(row).toContainText("Down");
  await expect(row).toContainText("99.50%");
  await expect(row).toContainText("99.91%");
  await expect(row).toContainText("123 ms");
  await expect(row).toContainText("503");
  await expect(row).toContainText("HTTP 503 not in [200]");

  await page.getByRole("button", { name: "New probe", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New probe" });
  await dialog.getByLabel("Name", { exact: true }).fill("api");
  await dialog.getByLabel("Target", { exact: true }).fill("nope");
  await dialog.getByLabel("Interval (seconds)").fill("5");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByLabel("Interval (seconds)")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Interval (seconds)")).toHaveAccessibleDescription("Must be 10 or more.");
  await expect(dialog.getByLabel("Target", { exact: true })).toHaveAccessibleDescription("Not a URL.");
  const post = sent.find((s) => s.method === "POST");
  expect(post?.body).toMatchObject({ name: "api", kind: "http", target: "nope", intervalSeconds: 5, enabled: true });
  await dialog.getByRole("button", { name: "Close" }).click();

  await row.getByRole("button", { name: "Delete probe shop?" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete probe shop?" });
  await confirm.getByLabel("Type shop to confirm").fill("shop");
  await confirm.getByRole("button", { name: "Delete this probe" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Probe shop deleted." })).toBeVisible();
  expect(sent.some((s) => s.method === "DELETE" && s.path === `${API}/probes/shop`)).toBe(true);
});

test("probe page: uptime strip, latency by phase, status codes, failures, certificate; the window picker", async ({
  page,
}) => {
  const sent = await serve(page, {
    ...notifications,
    [`GET ${API}/probes/shop/results`]: (_, url) => {
      const start = Number(url.searchParams.get("start"));
      const end = Number(url.searchParams.get("end"));
      return [
        200,
        {
          probe,
          startMs: start,
          endMs: end,
          stepMs: 300_000,
          points,
          failures: [{ t: points[10].t, reason: "HTTP 503 not in [200]" }],
          certExpiresAt: end + 12 * 86_400_000 + 3_600_000,
          uptime: 11 / 12,
        },
      ];
    },
  });
  await page.goto(`${envPage}/probes/shop`);
  await expect(page.getByRole("heading", { name: "shop", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Success and failure over the last 24h: uptime 91.66%" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Latency of shop by phase" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Status codes of shop over time" })).toBeVisible();
  const legend = page.getByRole("figure", { name: "Latency of shop by phase" });
  for (const phase of ["DNS", "Connect", "TLS", "Processing", "Transfer"]) await expect(legend).toContainText(phase);
  await expect(page.getByRole("table", { name: "Failures" })).toContainText("HTTP 503 not in [200]");
  // 12 days left with a 30-day warning: shown as a warning.
  await expect(page.getByText("in 12 days")).toBeVisible();

  const results = () => sent.filter((s) => s.path.includes("/results?"));
  const span = (path: string) => {
    const q = new URL(path, "http://x").searchParams;
    return Number(q.get("end")) - Number(q.get("start"));
  };
  expect(span(results()[0].path)).toBe(86_400_000);
  await page.getByLabel("Window").selectOption("1h");
  await expect.poll(() => results().length).toBeGreaterThan(1);
  expect(span(results().at(-1)!.path)).toBe(3_600_000);
  await page.getByLabel("Window").selectOption("7d");
  await expect.poll(() => span(results().at(-1)!.path)).toBe(7 * 86_400_000);
  await page.screenshot({ path: "test-results/screens/probe-page-light.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.getByRole("figure", { name: "Latency of shop by phase" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/probe-page-dark.png", fullPage: true });
});

const rule = {
  name: "cpu-high",
  kind: "metric",
  enabled: true,
  for: 60,
  message: "{{ $labels.pod }} at {{ $value }}",
  levels: [{ op: ">", value: 80, severity: "warning" }],
  receivers: [{ channel: "hook", scope: "tenant", repeatIntervalSeconds: 3600 }],
  metric: { template: { scope: "workload", resource: "pod", rule: "cpu" } },
  expr: 'sum(rate(container_cpu{namespace="ns"}[5m]))',
  state: "firing",
  createdAt: new Date(now).toISOString(),
  updatedAt: new Date(now).toISOString(),
};
const alertItem = {
  id: 41,
  rule: "cpu-high",
  kind: "metric",
  state: "firing",
  severity: "warning",
  value: 91.5,
  labels: { pod: "web-1" },
  message: "web-1 at 91.5",
  startsAt: new Date(now - 300_000).toISOString(),
  firedAt: new Date(now - 240_000).toISOString(),
  resolvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  silenced: false,
  inhibited: false,
  history: [
    { at: new Date(now - 300_000).toISOString(), kind: "pending", value: 85, severity: "warning" },
    { at: new Date(now - 240_000).toISOString(), kind: "firing", value: 91.5, severity: "warning" },
  ],
};
const templates = {
  scopes: [
    {
      name: "workload",
      label: "Workloads",
      resources: [
        {
          name: "pod",
          label: "Pod",
          rules: [
            {
              name: "cpu",
              label: "CPU usage",
              unit: "%",
              labels: ["pod"],
              promql: "sum(rate(cpu[5m]))",
              embedded: true,
            },
          ],
        },
      ],
    },
  ],
};
const channel = {
  name: "hook",
  scope: "tenant",
  kind: "webhook",
  sendResolved: true,
  config: { url: "http://hooks.example/x", auth: { type: "bearer" }, hasSecret: true },
  lastDeliveryAt: new Date(now - 3_600_000).toISOString(),
  lastError: "HTTP 502",
  pending: 2,
  recentDeliveries: [
    { at: new Date(now - 3_600_000).toISOString(), status: "delivered", attempts: 1 },
    { at: new Date(now - 1_800_000).toISOString(), status: "retrying", attempts: 2, error: "HTTP 502" },
  ],
  createdAt: new Date(now).toISOString(),
  updatedAt: new Date(now).toISOString(),
};

test("alerts tab: filters, acknowledge, history; rule from a template; PromQL position error; enable switch", async ({
  page,
}) => {
  let acknowledged = false;
  const sent = await serve(page, {
    ...notifications,
    [`GET ${API}/alerts`]: () => [
      200,
      {
        items: [
          acknowledged
            ? { ...alertItem, acknowledgedBy: "admin", acknowledgedAt: new Date().toISOString() }
            : alertItem,
        ],
      },
    ],
    [`POST ${API}/alerts/41/acknowledge`]: () => {
      acknowledged = true;
      return [200, {}];
    },
    [`GET ${API}/alert-rules`]: () => [200, { items: [rule] }],
    [`PUT ${API}/alert-rules/cpu-high`]: (body) => [200, { ...rule, ...(body as object) }],
    [`POST ${API}/alert-rules`]: (body) =>
      (body as { metric?: { promql?: string } }).metric?.promql
        ? [
            422,
            {
              title: "Invalid",
              status: 422,
              code: "VALIDATION",
              detail: "The expression does not parse.",
              errors: [{ path: "metric.promql", message: "unexpected end of input at line 1, column 34 (offset 33)" }],
            },
          ]
        : [201, { ...rule, ...(body as object) }],
    [`GET ${API}/silences`]: () => [200, { items: [] }],
    [`GET ${API}/probes`]: () => [200, { items: [probe] }],
    "GET /api/v1/alert-templates": () => [200, templates],
    [`GET /api/v1/tenants/${tenant}/alert-channels`]: () => [200, { items: [channel] }],
    "GET /api/v1/alert-channels": () => [200, { items: [] }],
  });
  await page.goto(`${envPage}/alerts`);
  const alerts = page.getByRole("table", { name: "Alerts" });
  const row = alerts.getByRole("row", { name: /cpu-high/ });
  await expect(row).toContainText("Firing");
  await expect(row).toContainText("Warning");
  await expect(row).toContainText('pod="web-1"');
  await expect(row).toContainText("91.5");

  await page.getByLabel("State", { exact: true }).selectOption("firing");
  await page.getByLabel("Severity", { exact: true }).selectOption("critical");
  await expect.poll(() => sent.some((s) => s.path.endsWith("/alerts?state=firing&severity=critical"))).toBe(true);
  await page.getByLabel("State", { exact: true }).selectOption("");
  await page.getByLabel("Severity", { exact: true }).selectOption("");

  const history = row.getByRole("button", { name: "History of cpu-high" });
  await expect(history).toHaveAttribute("aria-expanded", "false");
  await history.click();
  await expect(history).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("list", { name: "History of cpu-high" })).toContainText("Pending");
  await expect(page.getByRole("list", { name: "History of cpu-high" })).toContainText("Firing");
  await history.click();
  await expect(page.getByRole("list", { name: "History of cpu-high" })).toBeHidden();

  await row.getByRole("button", { name: "Acknowledge cpu-high" }).click();
  await expect(row).toContainText("Acknowledged by admin");
  expect(sent.some((s) => s.method === "POST" && s.path === `${API}/alerts/41/acknowledge`)).toBe(true);

  const rules = page.getByRole("table", { name: "Alert rules" });
  const ruleRow = rules.getByRole("row", { name: /cpu-high/ });
  await expect(ruleRow).toContainText("workload / pod / cpu");
  await expect(ruleRow).toContainText("> 80 → Warning");
  await ruleRow.getByRole("switch", { name: "Rule cpu-high enabled" }).click();
  await expect
    .poll(() => sent.find((s) => s.method === "PUT")?.body)
    .toMatchObject({ name: "cpu-high", enabled: false });
  const put = sent.find((s) => s.method === "PUT")!.body as Record<string, unknown>;
  expect(put).not.toHaveProperty("expr");
  expect(put).not.toHaveProperty("state");

  await page.getByRole("button", { name: "New rule", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New alert rule" });
  await dialog.getByLabel("Name", { exact: true }).fill("cpu-web");
  await dialog.getByLabel("Scope", { exact: true }).selectOption("workload");
  await dialog.getByLabel("Resource", { exact: true }).selectOption("pod");
  await dialog.getByLabel("Rule", { exact: true }).selectOption("cpu");
  await expect(dialog).toContainText("sum(rate(cpu[5m]))");
  await dialog.getByLabel("Only pod").fill("web-1");
  await dialog.getByLabel("Level 1 threshold").fill("80");
  await dialog.getByRole("button", { name: "Add level" }).click();
  await dialog.getByLabel("Level 2 threshold").fill("95");
  await dialog.getByRole("button", { name: "Add receiver" }).click();
  await dialog.getByLabel("Receiver 1 channel").selectOption({ label: "hook (Webhook)" });
  await dialog.getByLabel("Receiver 1 repeat every").selectOption({ label: "15 min" });
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Rule cpu-web created." })).toBeVisible();
  expect(sent.find((s) => s.method === "POST" && s.path === `${API}/alert-rules`)?.body).toEqual({
    name: "cpu-web",
    kind: "metric",
    enabled: true,
    for: 60,
    message: "",
    levels: [
      { op: ">", value: 80, severity: "warning" },
      { op: ">", value: 95, severity: "critical" },
    ],
    receivers: [{ channel: "hook", scope: "tenant", repeatIntervalSeconds: 900 }],
    metric: { template: { scope: "workload", resource: "pod", rule: "cpu", labels: { pod: "web-1" } } },
  });

  await page.getByRole("button", { name: "New rule", exact: true }).click();
  const raw = page.getByRole("dialog", { name: "New alert rule" });
  await raw.getByLabel("Name", { exact: true }).fill("raw");
  await raw.getByRole("radio", { name: "PromQL expression" }).check();
  await raw.getByLabel("PromQL", { exact: true }).fill("sum(rate(http_requests_total[5m])");
  await raw.getByLabel("Level 1 threshold").fill("1");
  await raw.getByRole("button", { name: "Create", exact: true }).click();
  const promql = raw.getByLabel("PromQL", { exact: true });
  await expect(promql).toHaveAttribute("aria-invalid", "true");
  await expect(promql).toHaveAccessibleDescription("unexpected end of input at line 1, column 34 (offset 33)");
  await page.screenshot({ path: "test-results/screens/alert-rule-form.png" });
  await expect(raw).toBeVisible();
});

test("channels: list with last delivery, error and pending; Send test failure shown; edit keeps the secret", async ({
  page,
}) => {
  const sent = await serve(page, {
    ...notifications,
    [`GET /api/v1/tenants/${tenant}/alert-channels`]: () => [200, { items: [channel] }],
    [`POST /api/v1/tenants/${tenant}/alert-channels/hook/test`]: () => [
      200,
      { ok: false, error: "HTTP 502 Bad Gateway" },
    ],
    [`PUT /api/v1/tenants/${tenant}/alert-channels/hook`]: (body) => [200, { ...channel, ...(body as object) }],
  });
  await page.goto(`/tenants/${tenant}/alert-channels`);
  const row = page.getByRole("table", { name: "Alert channels" }).getByRole("row", { name: /hook/ });
  await expect(row).toContainText("Webhook");
  await expect(row).toContainText("HTTP 502");
  await expect(row).toContainText("2");
  await expect(row.getByRole("list", { name: "Recent deliveries of hook" })).toContainText("delivered");
  await expect(row.getByRole("list", { name: "Recent deliveries of hook" })).toContainText("retrying");

  await row.getByRole("button", { name: "Send test to hook" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Test message to hook failed: HTTP 502 Bad Gateway" }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screens/alert-channels.png", fullPage: true });

  await row.getByRole("button", { name: "Edit channel hook" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit channel hook" });
  await expect(dialog.getByLabel("URL", { exact: true })).toHaveValue("http://hooks.example/x");
  await expect(dialog.getByLabel("Bearer token (optional)")).toHaveValue("");
  await dialog.getByLabel("URL", { exact: true }).fill("http://hooks.example/y");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(sent.find((s) => s.method === "PUT")?.body).toEqual({
    name: "hook",
    kind: "webhook",
    sendResolved: true,
    // The stored bearer token stays: the token is left out, the auth type kept.
    config: { url: "http://hooks.example/y", auth: { type: "bearer" } },
  });
});

test("tenant alerts overview: firing now, by severity, today, per environment; tenant navigation", async ({ page }) => {
  await serve(page, {
    ...notifications,
    [`GET /api/v1/tenants/${tenant}/alerts/overview`]: () => [
      200,
      {
        firing: 3,
        bySeverity: { critical: 1, error: 0, warning: 2, info: 0 },
        today: 9,
        environments: [{ project: "shop", environment, firing: 3 }],
        recent: [{ ...alertItem, project: "shop", environment }],
      },
    ],
  });
  await page.goto(`/tenants/${tenant}`);
  const tabs = page.getByRole("navigation", { name: "Tenant pages" });
  await tabs.getByRole("link", { name: "Alerts" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenants/${tenant}/alerts$`));
  await expect(tabs.getByRole("link", { name: "Alerts" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Firing now" })).toContainText("3");
  await expect(page.getByRole("region", { name: "Alerts today" })).toContainText("9");
  await expect(
    page.getByRole("figure", { name: "Firing alerts by severity: Critical 1, Error 0, Warning 2, Info 0" }),
  ).toBeVisible();
  const envs = page.getByRole("table", { name: "By environment" });
  await expect(envs.getByRole("link", { name: `shop / ${environment}` })).toHaveAttribute("href", `${envPage}/alerts`);
  await expect(page.getByRole("table", { name: "Recent alerts" })).toContainText("web-1 at 91.5");
  await page.screenshot({ path: "test-results/screens/tenant-alerts.png", fullPage: true });
});

test("the bell: unread count, recent notifications with safe links, mark all read", async ({ page }) => {
  let unread = 2;
  const sent = await serve(page, {
    "GET /api/v1/me/notifications": (b, u) => {
      const [status, json] = notifications["GET /api/v1/me/notifications"](b, u) as [number, { items: unknown[] }];
      return [status, { ...json, unread }];
    },
    "POST /api/v1/me/notifications/read": () => {
      unread = 0;
      return [200, { unread }];
    },
  });
  await page.goto(`/tenants/${tenant}/alerts`);
  const bell = page.getByRole("button", { name: "Notifications, 2 unread" });
  await bell.click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByRole("link", { name: /cpu-high firing/ })).toHaveAttribute("href", `${envPage}/alerts`);
  // A link off the console is not followed.
  await expect(popover.getByText("shop down")).toBeVisible();
  await expect(popover.getByRole("link", { name: /shop down/ })).toHaveCount(0);
  await popover.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();
  expect(sent.find((s) => s.method === "POST")?.body).toEqual({ all: true });
});

test("in Chinese, at 390 px and in dark mode: probes and alerts read in zh-CN and never scroll sideways", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", locale: "zh-CN" });
  const page = await context.newPage();
  await serve(page, {
    ...notifications,
    [`GET ${API}/probes`]: () => [200, { items: [probe] }],
    [`GET ${API}/alerts`]: () => [200, { items: [alertItem] }],
    [`GET ${API}/alert-rules`]: () => [200, { items: [rule] }],
    [`GET ${API}/silences`]: () => [200, { items: [] }],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${envPage}/probes`);
  const row = page.getByRole("table", { name: "拨测" }).getByRole("row", { name: /shop/ });
  await expect(row).toContainText("故障");
  await expect(row).toContainText("99.50%");
  await expect(page.getByRole("button", { name: "通知，2 条未读" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/probes-390-dark-zh.png", fullPage: true });

  await page.goto(`${envPage}/alerts`);
  await expect(page.getByRole("table", { name: "告警规则" }).getByRole("row", { name: /cpu-high/ })).toContainText(
    "> 80 → 警告",
  );
  await expect(
    page.getByRole("table", { name: "告警", exact: true }).getByRole("row", { name: /cpu-high/ }),
  ).toContainText("触发中");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/alerts-390-dark-zh.png", fullPage: true });
  await context.close();
});
