import { randomBytes } from "node:crypto";
import { expect, test, type Page, type Route } from "@playwright/test";
import sharp from "sharp";
import { createEnvironmentWorld } from "../support/world";
import { openDialog } from "../support/ui";

// The Models tab's side of the model-deployments contract: the API answers here are the
// contract's shapes, served by the test, so every state the UI must handle (Pending with
// progress, Failed with its reason, 422 beside the field, 409 with the quota's shortfalls, a
// version switch, a V2 error) is reachable on demand, with or without the real API.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `mdt-${suffix}`;
const environment = "tab-dev";
const E = `/api/v1/tenants/${tenant}/projects/shop/environments/${environment}`;
const modelsPage = `/tenants/${tenant}/projects/shop/environments/${environment}/models`;

type Dto = Record<string, unknown> & { name: string };
const at = new Date().toISOString();
const deployment = (over: Partial<Dto> & { name: string }): Dto => ({
  source: "facet",
  model: "sentiment-en",
  version: "v1",
  runtime: "builtin",
  replicas: 1,
  resources: { cpu: "250m", memory: "256Mi" },
  parameters: {},
  task: "text-classification",
  servedModelName: over.name,
  status: { phase: "Running", reason: null, readyReplicas: 1, progress: { step: "Ready", done: 3, total: 3 } },
  endpoint: `${E}/model-deployments/${over.name}/v2`,
  history: [{ version: "v1", at, by: "admin" }],
  createdAt: at,
  updatedAt: at,
  ...over,
});

type Sent = { method: string; path: string; body: unknown };

/** Serves the deployments API, the catalog and V2 infer from handlers keyed by "METHOD path". */
async function serve(page: Page, handlers: Record<string, (body: unknown) => [number, unknown]>) {
  const sent: Sent[] = [];
  const handle = async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace(E, "E");
    const body = req.postData() ? JSON.parse(req.postData()!) : undefined;
    sent.push({ method: req.method(), path, body });
    const handler = handlers[`${req.method()} ${path}`];
    if (!handler) return route.fulfill({ status: 404, json: { title: "Not found", detail: `no mock for ${path}` } });
    const [status, json] = handler(body);
    const v2 = path.includes("/v2/");
    await route.fulfill({
      status,
      contentType: status >= 400 && !v2 ? "application/problem+json" : "application/json",
      body: status === 204 ? "" : JSON.stringify(json),
    });
  };
  await page.route(`**${E}/model-deployments**`, handle);
  await page.route("**/api/v1/model-sources/*/models?**", handle);
  return sent;
}

const catalog = (): [number, unknown] => [
  200,
  {
    items: [
      {
        name: "sentiment-en",
        task: "text-classification",
        framework: "facet-builtin/wink-nlp",
        license: "MIT",
        description: "English sentiment",
      },
      {
        name: "ocr-en",
        task: "image-to-text",
        framework: "facet-builtin/onnxruntime",
        license: "Apache-2.0",
        description: "OCR",
      },
    ],
  },
];

test.beforeAll(async ({ request }) => {
  await createEnvironmentWorld(request, tenant, environment);
});

test("shows each phase: Pending with its progress, Failed with its reason, Running with history", async ({ page }) => {
  await serve(page, {
    "GET E/model-deployments": () => [
      200,
      {
        items: [
          deployment({
            name: "loading",
            status: {
              phase: "Pending",
              reason: null,
              readyReplicas: 0,
              progress: { step: "Pulling model", done: 1, total: 3 },
            },
          }),
          deployment({
            name: "broken",
            status: {
              phase: "Failed",
              reason: "the model failed to load: no such implementation",
              readyReplicas: 0,
              progress: { step: "Loading", done: 2, total: 3 },
            },
          }),
          deployment({
            name: "live",
            version: "v2",
            history: [
              { version: "v1", at, by: "admin" },
              { version: "v2", at, by: "ops" },
            ],
          }),
        ],
      },
    ],
  });
  await page.goto(modelsPage);
  const row = (name: string) => page.locator(`tr[data-deployment="${name}"]`);
  await expect(row("loading").getByRole("progressbar", { name: "Progress of loading" })).toHaveAttribute(
    "aria-valuenow",
    "1",
  );
  await expect(row("loading")).toContainText("Pulling model · 1/3");
  await expect(row("broken")).toContainText("Failed");
  await expect(row("broken")).toContainText("the model failed to load: no such implementation");
  await expect(row("live")).toContainText("facet/sentiment-en:v2");
  await row("live").getByText("Version history (2)").click();
  await expect(row("live")).toContainText("ops");
  // Only a Running deployment can be previewed.
  await expect(page.getByRole("button", { name: "Try deployment loading in the preview" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Try deployment live in the preview" })).toBeEnabled();
});

test("deploys with what the dialog asks, shows 422 beside the field and 409's shortfalls", async ({ page }) => {
  let attempt = 0;
  const sent = await serve(page, {
    "GET E/model-deployments": () => [200, { items: [] }],
    "GET /api/v1/model-sources/facet/models": catalog,
    "POST E/model-deployments": (body) => {
      attempt++;
      if (attempt === 1)
        return [
          422,
          {
            title: "Invalid",
            status: 422,
            detail: "Invalid body",
            errors: [{ path: "body.name", message: "must be a DNS label" }],
          },
        ];
      if (attempt === 2)
        return [
          409,
          {
            title: "Conflict",
            status: 409,
            detail: "The deployment does not fit the environment's quota.",
            shortfalls: [{ resource: "cpu", requested: "2", allocated: "500m", hard: "1" }],
          },
        ];
      return [
        201,
        deployment({
          ...(body as Dto),
          status: {
            phase: "Pending",
            reason: null,
            readyReplicas: 0,
            progress: { step: "Scheduling", done: 0, total: 3 },
          },
        }),
      ];
    },
  });
  await page.goto(modelsPage);
  await expect(page.getByText("No model is deployed here yet.")).toBeVisible();
  const dialog = await openDialog(page, "Deploy a model", "Deploy a model");
  await expect(dialog.getByRole("button", { name: "Deploy", exact: true })).toBeDisabled();
  await dialog.getByLabel("Model", { exact: true }).selectOption("sentiment-en");
  await expect(dialog.getByLabel("Name")).toHaveValue("sentiment-en");
  await dialog.getByLabel("Name").fill("Bad_Name");
  await dialog.getByLabel("Replicas").fill("2");
  await dialog.getByLabel("CPU per replica").fill("1");
  await dialog.getByLabel("Parameters").fill("task=text-classification\nnot a pair");
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(dialog.getByText("Line 2 is not key=value.")).toBeVisible();
  expect(sent.filter((s) => s.method === "POST")).toHaveLength(0);

  await dialog.getByLabel("Parameters").fill("task=text-classification");
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(dialog.getByText("must be a DNS label")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Name").fill("sentiment");
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("does not fit the environment's quota");
  await expect(dialog.getByRole("list", { name: "What does not fit the quota" })).toContainText(
    "cpu: asks 2, others hold 500m of 1",
  );

  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(sent.filter((s) => s.method === "POST").at(-1)!.body).toEqual({
    name: "sentiment",
    source: "facet",
    model: "sentiment-en",
    version: "v1",
    replicas: 2,
    resources: { cpu: "1", memory: "256Mi" },
    parameters: { task: "text-classification" },
  });
});

test("switches to an earlier version from the history and deletes after typing the name", async ({ page }) => {
  let deleted = false;
  const live = deployment({
    name: "live",
    version: "v2",
    history: [
      { version: "v1", at, by: "admin" },
      { version: "v2", at, by: "ops" },
    ],
  });
  const sent = await serve(page, {
    "GET E/model-deployments": () => [200, { items: deleted ? [] : [live] }],
    "PUT E/model-deployments/live": (body) => [200, { ...live, ...(body as object) }],
    "DELETE E/model-deployments/live": () => {
      deleted = true;
      return [204, null];
    },
  });
  await page.goto(modelsPage);
  const dialog = await openDialog(page, "Change deployment live", "Change deployment live");
  await expect(dialog.getByText("Earlier versions: v1")).toBeVisible();
  await dialog.getByLabel("Version").fill("v1");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(sent.find((s) => s.method === "PUT")!.body).toEqual({
    version: "v1",
    replicas: 1,
    resources: { cpu: "250m", memory: "256Mi" },
  });

  await page
    .getByRole("button", { name: /Delete/ })
    .first()
    .click();
  const confirm = page.getByRole("dialog");
  await confirm.getByRole("textbox").fill("live");
  await confirm.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByText("No model is deployed here yet.")).toBeVisible();
  expect(sent.some((s) => s.method === "DELETE" && s.path === "E/model-deployments/live")).toBe(true);
});

test("previews text, entities and an image, and shows a V2 error as the model's message", async ({ page }) => {
  const hg = (...items: unknown[]) => ({
    model_name: "m",
    model_version: "v1",
    outputs: [
      {
        name: "output",
        shape: [items.length, 1],
        datatype: "BYTES",
        parameters: { content_type: "hg_jsonlist" },
        data: items.map((i) => JSON.stringify(i)),
      },
    ],
  });
  let sentimentCalls = 0;
  const sent = await serve(page, {
    "GET E/model-deployments": () => [
      200,
      {
        items: [
          deployment({ name: "sentiment", servedModelName: "reviews" }),
          deployment({ name: "finder", model: "entities-en", task: "token-classification" }),
          deployment({ name: "reader", model: "ocr-en", task: "image-to-text" }),
        ],
      },
    ],
    "POST E/model-deployments/sentiment/v2/models/reviews/infer": () =>
      ++sentimentCalls === 1
        ? [200, hg({ label: "POSITIVE", score: 0.75 })]
        : [400, { error: "input 'args': element 0 is longer than 100,000 characters" }],
    "POST E/model-deployments/finder/v2/models/finder/infer": () => [
      200,
      hg({ entity_group: "EMAIL", word: "ada@example.com", start: 8, end: 23, score: 1 }),
    ],
    "POST E/model-deployments/reader/v2/models/reader/infer": () => [
      200,
      hg({
        text: "HELLO",
        score: 0.98,
        box: [
          [10, 10],
          [110, 10],
          [110, 40],
          [10, 40],
        ],
      }),
    ],
  });
  await page.goto(modelsPage);

  await page.getByRole("button", { name: "Try deployment sentiment in the preview" }).click();
  let form = page.getByRole("form", { name: "Inference preview: sentiment" });
  await form.getByLabel("Text").fill("I love this");
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(page.getByRole("list", { name: "Labels and scores" }).locator("li").first()).toHaveAttribute(
    "data-label",
    "POSITIVE",
  );
  await expect(page.getByRole("list", { name: "Labels and scores" })).toContainText("75.0%");
  const request = sent.find((s) => s.path.endsWith("/reviews/infer"))!.body as { inputs: unknown[] };
  expect(request.inputs).toEqual([
    { name: "args", shape: [1], datatype: "BYTES", parameters: { content_type: "str" }, data: ["I love this"] },
  ]);
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "element 0 is longer than 100,000 characters" }),
  ).toBeVisible();
  await expect(page.getByTestId("preview-status")).toHaveText("HTTP 400");
  // An empty text is refused before sending.
  await form.getByLabel("Text").fill("  ");
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(form.getByRole("alert")).toContainText("Type some text first.");

  await page.getByRole("button", { name: "Try deployment finder in the preview" }).click();
  form = page.getByRole("form", { name: "Inference preview: finder" });
  await form.getByLabel("Text").fill("Mail to ada@example.com now");
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(page.locator('mark[data-entity="EMAIL"]')).toContainText("ada@example.com");

  await page.getByRole("button", { name: "Try deployment reader in the preview" }).click();
  form = page.getByRole("form", { name: "Inference preview: reader" });
  // Noise: a PNG too large to inline in the curl snippet.
  const png = await sharp(randomBytes(200 * 60 * 3), { raw: { width: 200, height: 60, channels: 3 } })
    .png()
    .toBuffer();
  await form.getByLabel("Image").setInputFiles({ name: "sign.png", mimeType: "image/png", buffer: png });
  await form.getByRole("button", { name: "Run inference" }).click();
  await expect(page.getByRole("list", { name: "Found in the image" })).toContainText("HELLO");
  await expect(page.locator("figure svg polygon")).toHaveAttribute("points", "10,10 110,10 110,40 10,40");
  const image = sent.find((s) => s.path.endsWith("/reader/infer"))!.body as {
    inputs: { data: string[]; parameters: unknown }[];
  };
  expect(image.inputs[0].parameters).toEqual({ content_type: "pillow_image" });
  // Base64 without a data: prefix: the PNG's own bytes.
  expect(Buffer.from(image.inputs[0].data[0], "base64").equals(png)).toBe(true);
  await expect(page.getByRole("figure").filter({ hasText: "The same request with curl" })).toContainText(
    "-d @request.json",
  );
});
