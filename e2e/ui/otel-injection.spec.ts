import { expect, test } from "@playwright/test";
import { openDialog, submit } from "../support/ui";
import { createEnvironmentWorld } from "../support/world";

// OpenTelemetry injection from the application form: switched on with a ratio sampler, the
// application lists the OTEL_* variables Facet sets, and the API refuses a ratio out of range.
const suffix = Date.now().toString(36);
const tenant = `otel-${suffix}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/otel-dev`;
let world: { headers: Record<string, string>; env: string };

test.beforeAll(async ({ request }) => {
  world = await createEnvironmentWorld(request, tenant, "otel-dev");
});

test("an application instrumented from its form shows the variables Facet sets", async ({ page, request }) => {
  await page.goto(envPage);
  const dialog = await openDialog(page, "New application", "Create an application");
  await dialog.getByLabel("Name", { exact: true }).fill("shop-api");
  await dialog.getByLabel("Image").fill("nginx:1.27");
  await dialog.getByLabel("Inject OpenTelemetry settings (OTEL_* variables)").check();
  await dialog.getByLabel("Sampler").selectOption("parentbased_traceidratio");
  await dialog.getByLabel("Sampling ratio").fill("0.1");
  await dialog.getByRole("checkbox", { name: "b3", exact: true }).check();
  await submit(dialog, "Create");

  const row = page.getByRole("table", { name: "Applications" }).getByRole("row").filter({ hasText: "shop-api" });
  await row.locator("summary").click();
  const env = page.getByLabel("Variables set for shop-api");
  await expect(env).toContainText("OTEL_SERVICE_NAME");
  await expect(env).toContainText("OTEL_TRACES_SAMPLER_ARG0.1");
  await expect(env).toContainText("OTEL_PROPAGATORStracecontext,baggage,b3");
  await expect(env).toContainText("secret shop-api-otel/OTEL_EXPORTER_OTLP_HEADERS");

  const bad = await request.patch(`${world.env}/applications/shop-api`, {
    headers: world.headers,
    data: { telemetry: { sampler: "traceidratio", samplerArg: 2 } },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors[0].path).toBe("body.telemetry.samplerArg");
});
