import { expect, test, type Page, type Route } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// The Logging tab's side of the logging API contract: the API answers here are the contract's
// shapes, served by the test, so every state the UI must handle (operator missing, 409 naming
// the other Flow, 422 with lines, a stale edit) is reachable on demand.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `lgt-${suffix}`;
const environment = "tab-dev";
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;
const LOGGING = `**/api/v1/tenants/${tenant}/projects/shop/environments/${environment}/logging/**`;

const operator = { installed: true, controlNamespace: "facet-logging" };
const now = Date.now();
const FLOW_YAML = `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata:
  name: web-only
  namespace: ns
spec:
  match:
    - select:
        labels:
          app: web
  localOutputRefs:
    - loki
`;
const flow = {
  name: "web-only",
  kind: "Flow",
  active: true,
  problems: [],
  applications: ["web"],
  localOutputRefs: ["loki"],
  globalOutputRefs: ["facet"],
  filters: ["grep", "throttle", "prometheus"],
  resourceVersion: "1",
  yaml: FLOW_YAML,
  linesPerSecond: [0, 1, 2, 3, 4].map((v, i) => ({ t: new Date(now - (4 - i) * 60_000).toISOString(), v })),
  lastChange: { by: "admin", at: new Date(now).toISOString(), action: "logging.flows.update" },
};
const output = {
  name: "loki",
  kind: "Output",
  type: "loki",
  active: false,
  problems: ["connection refused"],
  resourceVersion: "3",
  yaml: "",
  target: "http://loki.example:3100",
  lastChange: null,
};

type Sent = { method: string; path: string; body: unknown };

/** Serves the logging API from handlers keyed by "METHOD last/path/segments"; records what was sent. */
async function serveLogging(page: Page, handlers: Record<string, (body: unknown) => [number, unknown]>) {
  const sent: Sent[] = [];
  await page.route(LOGGING, async (route: Route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname.replace(/^.*\/logging\//, "");
    const body = req.postData() ? JSON.parse(req.postData()!) : undefined;
    sent.push({ method: req.method(), path, body });
    const handler = handlers[`${req.method()} ${path}`];
    if (!handler) return route.fulfill({ status: 404, json: { title: "Not found", detail: `no mock for ${path}` } });
    const [status, json] = handler(body);
    const problem = status >= 400;
    await route.fulfill({
      status,
      contentType: problem ? "application/problem+json" : "application/json",
      body: status === 204 ? "" : JSON.stringify(json),
    });
  });
  return sent;
}

const lists = (flows = [flow], collectAll = false) => ({
  "GET flows": () => [200, { operator, collectAll, items: flows }] as [number, unknown],
  "GET outputs": () => [200, { operator, items: [output] }] as [number, unknown],
});

test.beforeAll(async ({ request }) => {
  const { env, headers } = await createEnvironmentWorld(request, tenant, environment);
  const res = await request.post(`${env}/applications`, { headers, data: { name: "web", image: "nginx:1.27" } });
  expect(res.status(), await res.text()).toBe(201);
});

test("without the Logging Operator the tab says so instead of failing", async ({ page }) => {
  const missing = { installed: false, controlNamespace: null, message: "No Logging resource on cluster sandbox." };
  await serveLogging(page, {
    "GET flows": () => [200, { operator: missing, collectAll: false, items: [] }],
    "GET outputs": () => [200, { operator: missing, items: [] }],
  });
  await page.goto(`${envPage}/logging`);
  await expect(
    page.getByRole("navigation", { name: "Telemetry views" }).getByRole("link", { name: "Logging" }),
  ).toHaveAttribute("aria-current", "page");
  const alert = page.getByRole("alert").filter({ hasText: "The Logging Operator is not installed" });
  await expect(alert).toContainText("No Logging resource on cluster sandbox.");
  await expect(page.getByRole("switch")).toHaveCount(0);
});

test("flows and outputs with status, lines/s and last change; collect-all and delete", async ({ page }) => {
  let collecting = false;
  const sent = await serveLogging(page, {
    ...lists(),
    "GET flows": () => [200, { operator, collectAll: collecting, items: [flow] }],
    "PUT collect-all": (body) => {
      collecting = (body as { enabled: boolean }).enabled;
      return [200, { enabled: collecting, flow: null }];
    },
    "DELETE flows/web-only": () => [204, null],
  });
  await page.goto(`${envPage}/logging`);
  const flows = page.getByRole("table", { name: "Flows" });
  const row = flows.getByRole("row", { name: /web-only/ });
  await expect(row).toContainText("web");
  await expect(row).toContainText("loki, facet (cluster)");
  await expect(row).toContainText("grep → throttle → prometheus");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("4.0/s");
  await expect(
    row.getByRole("img", { name: "Lines per second of web-only over the last hour, now 4.0" }),
  ).toBeVisible();
  await expect(row).toContainText("admin");
  const outputs = page.getByRole("table", { name: "Outputs" });
  await expect(outputs.getByRole("row", { name: /loki/ })).toContainText("1 problem(s)");
  await expect(outputs.getByRole("row", { name: /loki/ })).toContainText("connection refused");
  await expect(outputs.getByRole("row", { name: /loki/ })).toContainText("http://loki.example:3100");

  const all = page.getByRole("switch", { name: "Collect all logs of this environment" });
  await expect(all).toHaveAttribute("aria-checked", "false");
  await all.click();
  await expect(page.getByRole("status").filter({ hasText: "now collected" })).toBeVisible();
  await expect(all).toHaveAttribute("aria-checked", "true");
  expect(sent.find((s) => s.method === "PUT")?.body).toEqual({ enabled: true });

  await page.getByRole("button", { name: "Delete Flow web-only?" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Flow web-only?" });
  const forever = confirm.getByRole("button", { name: "Delete this Flow" });
  await expect(forever).toBeDisabled();
  await confirm.getByLabel("Type web-only to confirm").fill("web-only");
  await forever.click();
  await expect(confirm).toBeHidden();
  expect(sent.some((s) => s.method === "DELETE" && s.path === "flows/web-only")).toBe(true);
});

test("the application form sends the contract's FlowForm, and a 409 names the other Flow", async ({ page }) => {
  const sent = await serveLogging(page, {
    ...lists(),
    "POST flows": () => [
      409,
      {
        title: "Conflict",
        status: 409,
        code: "CONFLICT",
        detail: "Application web is already collected by Flow web-only.",
      },
    ],
  });
  await page.goto(`${envPage}/logging`);
  await page.getByRole("button", { name: "New flow", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Collect applications' logs" });
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toContainText("Choose at least one application.");
  await expect(dialog).toContainText("Use lower-case letters");

  await dialog.getByLabel("Name", { exact: true }).fill("web-errors");
  await dialog.getByRole("checkbox", { name: "web", exact: true }).check();
  await expect(dialog.getByLabel("Label key of web")).toHaveValue("facet.dev/application");
  await dialog.getByLabel("Another application").fill("legacy");
  await dialog.getByLabel("Label key", { exact: true }).selectOption("app");
  await dialog.getByRole("button", { name: "Add application" }).click();
  await dialog.getByRole("checkbox", { name: "loki", exact: true }).check();
  await dialog.getByLabel("Drop lines matching").fill("healthz");
  await dialog.getByLabel("Throttle (lines per minute per pod)").fill("600");
  await dialog.getByRole("checkbox", { name: "Join multi-line stack traces into one record" }).check();
  await dialog.getByRole("button", { name: "Create" }).click();

  await expect(dialog.getByRole("alert")).toContainText("An application is already collected by another flow.");
  await expect(dialog.getByRole("alert")).toContainText("Application web is already collected by Flow web-only.");
  expect(sent.find((s) => s.method === "POST")?.body).toEqual({
    name: "web-errors",
    applications: [
      { name: "web", labelKey: "facet.dev/application" },
      { name: "legacy", labelKey: "app" },
    ],
    outputs: ["loki"],
    clusterOutputs: [],
    filters: { grep: { exclude: "healthz" }, counter: true, throttle: { linesPerMinute: 600 }, detectExceptions: true },
  });
});

test("output forms: secrets are empty password fields, sent only as secrets", async ({ page }) => {
  const sent = await serveLogging(page, {
    ...lists(),
    "POST outputs": (body) => [
      201,
      { item: { ...output, name: (body as { name: string }).name }, diff: { before: "", after: "" } },
    ],
  });
  await page.goto(`${envPage}/logging`);
  await page.getByRole("button", { name: "New output", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Send logs to" });
  await dialog.getByLabel("Type", { exact: true }).selectOption("elasticsearch");
  const password = dialog.getByLabel("Password (optional)");
  await expect(password).toHaveAttribute("type", "password");
  await expect(password).toHaveValue("");
  await expect(dialog).toContainText("stored only in the Kubernetes Secret");
  await dialog.getByLabel("Name", { exact: true }).fill("es");
  await dialog.getByLabel("Host").fill("es.internal");
  await dialog.getByLabel("Port").fill("9200");
  await dialog.getByLabel("Scheme").selectOption("https");
  await dialog.getByLabel("Index").fill("logs");
  await dialog.getByLabel("Username (optional)").fill("writer");
  await password.fill("s3cret");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  expect(sent.find((s) => s.method === "POST")?.body).toEqual({
    name: "es",
    type: "elasticsearch",
    settings: { host: "es.internal", port: 9200, scheme: "https", index: "logs" },
    secrets: { username: "writer", password: "s3cret" },
  });

  // Switching type never carries a typed secret over; the Facet type asks for nothing secret.
  await page.getByRole("button", { name: "New output", exact: true }).click();
  await dialog.getByLabel("Password (optional)").fill("typed");
  await dialog.getByLabel("Type", { exact: true }).selectOption("http");
  await expect(dialog.getByLabel("Password (optional)")).toHaveValue("");
  await dialog.getByLabel("Type", { exact: true }).selectOption("facet");
  await expect(dialog.getByLabel("Password (optional)")).toHaveCount(0);
});

test("YAML editor: server errors land on their line; a stale edit shows the live diff and reloads", async ({
  page,
}) => {
  let version = "1";
  const LIVE_2 = FLOW_YAML.replace("app: web", "app: web-v2");
  const sent = await serveLogging(page, {
    ...lists(),
    "GET flows/web-only": () => [
      200,
      { ...flow, resourceVersion: version, yaml: version === "1" ? FLOW_YAML : LIVE_2 },
    ],
    "POST validate": (body) =>
      (body as { yaml: string }).yaml.includes("- missing")
        ? [
            422,
            {
              title: "Validation failed",
              status: 422,
              code: "VALIDATION",
              detail: "The Flow was refused.",
              errors: [
                { path: "spec.localOutputRefs[0]", line: 12, column: 7, message: "Output missing does not exist." },
              ],
            },
          ]
        : [200, { valid: true, diff: { before: FLOW_YAML, after: (body as { yaml: string }).yaml } }],
    "PUT flows/web-only": () => {
      version = "2";
      return [
        409,
        {
          title: "Conflict",
          status: 409,
          code: "CONFLICT",
          detail: "Flow web-only changed since it was opened.",
          diff: { before: LIVE_2, after: FLOW_YAML.replace("- loki", "- loki-2") },
        },
      ];
    },
  });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${envPage}/logging`);
  await page.getByRole("link", { name: "YAML of Flow web-only" }).click();
  const editor = page.getByRole("group", { name: "Flow web-only" });
  await expect(editor).toContainText("localOutputRefs");
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems).toContainText("No problems found.");

  const paste = async (text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await editor.getByRole("textbox").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("ControlOrMeta+V");
  };
  await paste(FLOW_YAML.replace("- loki", "- missing"));
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(problems.getByRole("listitem")).toContainText([
    "Line 12, column 7: server: Output missing does not exist.",
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "Refused: 1 problem(s)" })).toBeVisible();

  await paste(FLOW_YAML.replace("- loki", "- loki-2"));
  await expect(problems).toContainText("No problems found.");
  await page.getByRole("button", { name: "Validate", exact: true }).click();
  await expect(page.getByText("Valid. Nothing was applied")).toBeVisible();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("group", { name: "Change: live object and yours" })).toBeVisible();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed since you opened it" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Live object and your text" })).toContainText("web-v2");
  expect(sent.find((s) => s.method === "PUT")?.body).toEqual({
    yaml: FLOW_YAML.replace("- loki", "- loki-2"),
    resourceVersion: "1",
  });

  await page.getByRole("button", { name: "Reload the live object" }).click();
  await expect(editor).toContainText("web-v2");
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled();
});

test("usable at 390 px and in dark mode", async ({ page }) => {
  await serveLogging(page, lists([flow], true));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${envPage}/logging`);
  await expect(page.getByRole("table", { name: "Flows" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Collect all logs of this environment" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  // Tables scroll inside their frame; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/logging-390-dark.png", fullPage: true });
});

test("cluster page: ClusterFlows and ClusterOutputs of the control namespace, a new ClusterFlow from YAML", async ({
  page,
}) => {
  const sent: Sent[] = [];
  const clusterFlow = { ...flow, name: "all-errors", kind: "ClusterFlow", localOutputRefs: [], applications: [] };
  const created = `apiVersion: logging.banzaicloud.io/v1beta1
kind: ClusterFlow
metadata:
  name: all-errors
  namespace: facet-logging
spec:
  globalOutputRefs: [facet]
`;
  await page.route("**/api/v1/clusters/sandbox/logging/**", async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname.replace(/^.*\/logging\//, "");
    sent.push({ method: req.method(), path, body: req.postData() ? JSON.parse(req.postData()!) : undefined });
    if (req.method() === "POST" && path === "cluster-flows")
      return route.fulfill({ status: 201, json: { item: clusterFlow, diff: { before: "", after: created } } });
    if (path === "cluster-flows") return route.fulfill({ json: { operator, collectAll: false, items: [clusterFlow] } });
    if (path === "cluster-outputs")
      return route.fulfill({ json: { operator, items: [{ ...output, name: "facet", kind: "ClusterOutput" }] } });
    return route.fulfill({ status: 404, json: { detail: "no mock" } });
  });
  await page.goto("/clusters/sandbox");
  const card = page.getByRole("region", { name: "Logging" });
  await expect(card).toContainText("control namespace facet-logging");
  await expect(
    card.getByRole("table", { name: "Cluster flows" }).getByRole("row", { name: /all-errors/ }),
  ).toContainText("Active");
  await expect(card.getByRole("table", { name: "Cluster outputs" })).toContainText("facet");

  await card.getByRole("button", { name: "New cluster flow" }).click();
  const dialog = page.getByRole("dialog", { name: "New ClusterFlow" });
  const editor = dialog.getByRole("group", { name: "New ClusterFlow" });
  await expect(editor).toContainText("namespace: facet-logging");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), created);
  await editor.getByRole("textbox").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(dialog.getByRole("region", { name: "Problems" })).toContainText("No problems found.");
  // No validate route for the cluster kinds: Submit applies, then shows what changed.
  await expect(dialog.getByRole("button", { name: "Validate" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(dialog.getByText("ClusterFlow all-errors applied.")).toBeVisible();
  await expect(dialog.getByRole("group", { name: "Applied change" })).toBeVisible();
  expect(sent.find((s) => s.method === "POST")).toEqual({
    method: "POST",
    path: "cluster-flows",
    body: { yaml: created },
  });
});
