import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createRuntimePool, type RuntimePool } from "../../lib/models/runtime/pool";
import { serveV2, type ServedModel } from "../../lib/models/runtime/serve-v2";
import { createEnvironmentWorld } from "../support/world";

// The preview in a real browser against the real built-in runtime: the deployments list is
// served by the test (the contract's shape), and each V2 request the page sends is answered by
// serveV2 over real worker processes (wink-nlp, PP-OCRv4) — so typing and uploading go all the
// way to a model and back, whether or not the deployments API is in the tree.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `mdp-${suffix}`;
const environment = "preview-dev";
const E = `/api/v1/tenants/${tenant}/projects/shop/environments/${environment}`;
const modelsPage = `/tenants/${tenant}/projects/shop/environments/${environment}/models`;

const served: Record<string, ServedModel & { task: string }> = {
  sentiment: { name: "reviews", implementation: "sentiment-en", version: "v1", task: "text-classification" },
  reader: { name: "reader", implementation: "ocr-en", version: "v1", task: "image-to-text" },
};

let pool: RuntimePool;
test.beforeAll(async ({ request }) => {
  pool = createRuntimePool();
  await createEnvironmentWorld(request, tenant, environment);
});
test.afterAll(() => pool.close());

test.beforeEach(async ({ page }) => {
  const at = new Date().toISOString();
  await page.route(`**${E}/model-deployments`, (route) =>
    route.fulfill({
      json: {
        items: Object.entries(served).map(([name, s]) => ({
          name,
          source: "facet",
          model: s.implementation,
          version: "v1",
          runtime: "builtin",
          replicas: 1,
          resources: { cpu: "250m", memory: "256Mi" },
          parameters: {},
          task: s.task,
          servedModelName: s.name,
          status: { phase: "Running", reason: null, readyReplicas: 1, progress: { step: "Ready", done: 1, total: 1 } },
          endpoint: `${E}/model-deployments/${name}/v2`,
          history: [{ version: "v1", at, by: "admin" }],
          createdAt: at,
          updatedAt: at,
        })),
      },
    }),
  );
  await page.route(`**${E}/model-deployments/*/v2/**`, async (route) => {
    const req = route.request();
    const [name, rest] = new URL(req.url()).pathname.replace(`${E}/model-deployments/`, "").split("/v2/");
    const answer = await serveV2(pool, served[name], req.method(), rest.split("/"), async () => req.postDataJSON());
    await route.fulfill({ status: answer.status, json: answer.body });
  });
});

test("'I love this' is positive and 'I hate this' negative, from the real model", async ({ page }) => {
  await page.goto(modelsPage);
  await page.getByRole("button", { name: "Try deployment sentiment in the preview" }).click();
  const form = page.getByRole("form", { name: "Inference preview: sentiment" });
  const top = page.getByRole("list", { name: "Labels and scores" }).locator("li").first();
  await form.getByLabel("Text").fill("I love this");
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(top).toHaveAttribute("data-label", "POSITIVE", { timeout: 20_000 });
  await form.getByLabel("Text").fill("I hate this");
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(top).toHaveAttribute("data-label", "NEGATIVE");
});

test("an uploaded image's text is read by the OCR model and drawn over the image", async ({ page }) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="140"><rect width="100%" height="100%" fill="white"/><text x="24" y="90" font-family="DejaVu Sans, sans-serif" font-size="56" fill="black">Hello Facet 2026</text></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  await page.goto(modelsPage);
  await page.getByRole("button", { name: "Try deployment reader in the preview" }).click();
  const form = page.getByRole("form", { name: "Inference preview: reader" });
  await form.getByLabel("Image").setInputFiles({ name: "sign.png", mimeType: "image/png", buffer: png });
  await form.getByRole("button", { name: "Run inference" }).click();
  const found = page.getByRole("list", { name: "Found in the image" });
  await expect(found.locator("li").first()).toHaveAttribute("data-region", "Hello Facet 2026", { timeout: 30_000 });
  await expect(page.locator("figure svg text")).toHaveText("Hello Facet 2026");
  await expect(page.locator("figure svg")).toHaveAttribute("viewBox", "0 0 720 140");
});
