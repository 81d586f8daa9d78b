import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createEnvironmentWorld } from "../support/world";
import { openDialog } from "../support/ui";

// The environment's Models tab end to end on the sandbox: deploy the built-in text model from
// Facet's library through the dialog, watch it reach Running, tell positive from negative in the
// preview; then read back text rendered into an image through an OCR deployment.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `mdl-${suffix}`;
const environment = "models-dev";
const modelsPage = `/tenants/${tenant}/projects/shop/environments/${environment}/models`;
let world: { headers: Record<string, string>; env: string };

/** A deployment's row in the list. */
const row = (page: Page, name: string) => page.locator(`tr[data-deployment="${name}"]`);

async function waitRunning(page: Page, name: string) {
  await expect(row(page, name)).toBeVisible();
  // Pending shows its progress; the list polls until the phase settles.
  await expect(row(page, name).getByText("Running", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(row(page, name).getByRole("progressbar")).toHaveCount(0);
}

test.beforeAll(async ({ request }) => {
  world = await createEnvironmentWorld(request, tenant, environment);
});

test("deploys sentiment-en from the library and tells positive from negative in the preview", async ({ page }) => {
  await page.goto(modelsPage);
  await expect(page.getByRole("navigation", { name: /views/i }).getByRole("link", { name: "Models" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText("No model is deployed here yet.")).toBeVisible();

  const dialog = await openDialog(page, "Deploy a model", "Deploy a model");
  await dialog.getByLabel("Source").selectOption("facet");
  const model = dialog.getByLabel("Model", { exact: true });
  await expect(model.locator("option", { hasText: "sentiment-en" })).toHaveCount(1);
  await model.selectOption("sentiment-en");
  // The name is suggested from the model id; a DNS label.
  await expect(dialog.getByLabel("Name")).toHaveValue("sentiment-en");
  await dialog.getByLabel("Name").fill("sentiment");
  await dialog.getByLabel("Version").fill("v1");
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Deploying sentiment" })).toBeVisible();

  await waitRunning(page, "sentiment");
  await expect(row(page, "sentiment")).toContainText("facet/sentiment-en:v1");
  await expect(row(page, "sentiment")).toContainText("text-classification");

  await page.getByRole("button", { name: "Try deployment sentiment in the preview" }).click();
  const preview = page.getByRole("form", { name: "Inference preview: sentiment" });
  const scores = page.getByRole("list", { name: "Labels and scores" });

  await preview.getByLabel("Text").fill("I love this");
  await preview.getByRole("button", { name: "Run inference" }).click();
  await expect(scores.locator("li").first()).toHaveAttribute("data-label", "POSITIVE");
  await expect(page.getByTestId("preview-status")).toHaveText("HTTP 200");
  await expect(page.getByTestId("preview-latency")).toContainText("ms");

  await preview.getByLabel("Text").fill("I hate this");
  await preview.getByRole("button", { name: "Run inference" }).click();
  await expect(scores.locator("li").first()).toHaveAttribute("data-label", "NEGATIVE");

  // The curl snippet names a token variable and never carries the session.
  const curl = page.getByRole("figure").filter({ hasText: "The same request with curl" });
  await expect(curl).toContainText("Bearer $FACET_TOKEN");
  await expect(curl).toContainText("/model-deployments/sentiment/v2/models/");
  const cookies = await page.context().cookies();
  for (const c of cookies) expect(await curl.textContent()).not.toContain(c.value);

  // Raw request and response, for people who want the protocol.
  await page.getByText("Raw request and response").click();
  await expect(page.getByRole("figure").filter({ hasText: "Response" }).last()).toContainText('"model_name"');

  // The model's catalog page lists this deployment where it runs, and links back to it.
  await page.goto("/models/facet/sentiment-en");
  const instances = page.getByRole("table", { name: "Deployed in" });
  const here = instances.getByRole("row").filter({ hasText: tenant });
  await expect(here).toContainText("sentiment");
  await expect(here).toContainText("Running");
  await here.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${modelsPage}$`));
});

test("reads the text of an uploaded image through an OCR deployment and draws it over the image", async ({
  page,
  request,
}) => {
  const res = await request.post(`${world.env}/model-deployments`, {
    headers: world.headers,
    data: {
      name: "reader",
      source: "facet",
      model: "ocr-en",
      version: "v1",
      replicas: 1,
      resources: { cpu: "250m", memory: "256Mi" },
    },
  });
  expect(res.status(), await res.text()).toBe(201);

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="140"><rect width="100%" height="100%" fill="white"/><text x="24" y="90" font-family="DejaVu Sans, sans-serif" font-size="56" fill="black">Hello Facet 2026</text></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();

  await page.goto(modelsPage);
  await waitRunning(page, "reader");
  await page.getByRole("button", { name: "Try deployment reader in the preview" }).click();
  const preview = page.getByRole("form", { name: "Inference preview: reader" });

  // A file that is not an image is refused before anything is sent.
  await preview
    .getByLabel("Image")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
  await expect(preview.getByRole("alert")).toContainText("notes.txt is not an image");

  await preview.getByLabel("Image").setInputFiles({ name: "sign.png", mimeType: "image/png", buffer: png });
  await preview.getByRole("button", { name: "Run inference" }).click();
  const found = page.getByRole("list", { name: "Found in the image" });
  await expect(found.locator("li").first()).toHaveAttribute("data-region", "Hello Facet 2026", { timeout: 30_000 });
  await expect(page.locator("figure svg polygon")).toHaveCount(1);
  await expect(page.locator("figure svg text")).toHaveText("Hello Facet 2026");
});
