import { expect, test } from "@playwright/test";
import { sampleTelemetry } from "../support/otlp";
import { createEnvironmentWorld } from "../support/world";

// Linkage through the console: trace → its logs, log → its trace, log → its pod's metrics.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `obs-${suffix}`;
const names = { tenant, project: "shop", environment: "obs-dev" };
const envPage = `/tenants/${tenant}/projects/shop/environments/obs-dev`;
const sample = sampleTelemetry(`api-${suffix}`);

test.beforeAll(async ({ request }) => {
  const world = await createEnvironmentWorld(request, tenant, names.environment);
  const token = await request.post(`${world.env}/ingest-tokens`, {
    headers: world.headers,
    data: { name: "e2e collector" },
  });
  expect(token.status()).toBe(201);
  const ingest = { authorization: `Bearer ${(await token.json()).token}`, "content-type": "application/json" };
  for (const [signal, body] of [
    ["traces", sample.traces],
    ["logs", sample.logs],
    ["metrics", sample.metrics],
  ] as const) {
    const res = await request.post(`/api/otlp/v1/${signal}`, { headers: ingest, data: body });
    expect(res.status(), `${signal}: ${await res.text()}`).toBe(200);
  }
});

test("from a trace's waterfall to its logs, and from a log line back to its trace", async ({ page }) => {
  await page.goto(`${envPage}/traces?service=api`);
  await page.getByRole("link", { name: "Open trace api: GET /orders" }).click();
  // The trace opens inside the environment: its breadcrumbs and views stay.
  await expect(page).toHaveURL(`${envPage}/traces/${sample.traceId}`);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText(names.environment);
  const waterfall = page.getByRole("tree", { name: "Waterfall" });
  await expect(waterfall.getByRole("treeitem")).toHaveCount(2);
  await waterfall.getByRole("button", { name: /^agent plan/ }).click();
  await expect(page.getByRole("region", { name: "Span details" }).or(page.getByLabel("Span details"))).toContainText(
    "planner timeout",
  );
  await page.screenshot({ path: "test-results/screens/trace.png", fullPage: true });

  await page.getByRole("link", { name: "Logs of this trace" }).click();
  const lines = page.getByRole("list", { name: "Log lines" });
  await expect(lines.getByRole("listitem")).toHaveCount(2);
  await expect(lines).toContainText("agent answered late");

  await page.getByRole("link", { name: "Trace of log line agent answered late" }).click();
  // The log line's environment page for its trace (served by the cluster's Jaeger when it has one).
  await expect(page).toHaveURL(new RegExp(`/environments/[^/]+/traces/${sample.traceId}$`));
  await expect(page.getByRole("tree", { name: "Waterfall" })).toBeVisible();
});

test("from a log line to its pod's metrics chart", async ({ page }) => {
  await page.goto(`${envPage}/logs?traceId=${sample.traceId}`);
  await page.getByRole("link", { name: "Metrics around log line order lookup started" }).click();
  await expect(page).toHaveURL(/\/metrics\?/);
  await expect(page.getByRole("figure", { name: "Chart of process.memory.usage" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/metrics.png", fullPage: true });
});

test("APM shows the service, and a chart bucket opens its traces", async ({ page }) => {
  await page.goto(`${envPage}/apm`);
  const services = page.getByRole("table", { name: "Services" });
  await expect(services.getByRole("button", { name: "api" })).toBeVisible();
  await services.getByRole("button", { name: "api" }).click();
  const latency = page.getByRole("figure", { name: "Latency of api" });
  await expect(latency).toBeVisible();
  await page.screenshot({ path: "test-results/screens/apm.png", fullPage: true });

  // The sample's bucket is the one point with data; its button opens the traces of that minute.
  await latency.getByRole("button", { name: /^Traces at / }).click();
  await expect(page).toHaveURL(/\/traces\?service=api&start=\d+&end=\d+$/);
  const url = new URL(page.url());
  const [start, end] = [Number(url.searchParams.get("start")), Number(url.searchParams.get("end"))];
  expect(end - start + 1).toBeGreaterThanOrEqual(60_000);
  await expect(page.getByRole("link", { name: "Open trace api: GET /orders" })).toBeVisible();
});
