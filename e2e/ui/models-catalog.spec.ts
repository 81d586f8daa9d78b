import { expect, test } from "@playwright/test";

// The model catalog as a user meets it: the sidebar's Models, the facet source's built-in models,
// a task chip, the model page, and a rating with a comment (the seeded library: sentiment-en, entities-en).
test("browse the catalog, filter by task, open sentiment-en and rate it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Models" }).click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Source")).toHaveValue("facet");
  const results = page.getByRole("list", { name: "Models" });
  await expect(results.getByRole("link", { name: "sentiment-en" })).toBeVisible();
  await expect(results.getByRole("link", { name: "entities-en" })).toBeVisible();

  // Check connection reads the source's first page: the facet source is Facet's own library.
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /^Connected: [1-9]\d* models on the first page, \d+ ms$/ }),
  ).toBeVisible();

  // The sysadmin syncs the facet source (Facet's own registry: a re-import of its library, offline).
  await page.getByRole("button", { name: /Sync now|Resume sync/ }).click();
  await expect(page.getByText("Done", { exact: true })).toBeVisible();
  // Every library model was imported: done equals total (the built-in models: text, entities, OCR).
  await expect(page.getByText(/^([1-9]\d*) of \1$/)).toBeVisible();

  const taskChips = page.getByRole("group", { name: "Task" });
  await taskChips.getByRole("button", { name: /text-classification/ }).click();
  await expect(page).toHaveURL(/task=text-classification/);
  await expect(taskChips.getByRole("button", { name: /text-classification/ })).toHaveAttribute("aria-pressed", "true");
  await expect(results.getByRole("link", { name: "entities-en" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/models-catalog.png", fullPage: true });

  await results.getByRole("link", { name: "sentiment-en" }).click();
  await expect(page.getByRole("heading", { name: "sentiment-en", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Versions" }).getByRole("cell", { name: "v1" })).toBeVisible();
  // The card is the version's README.md, drawn by the React-only renderer (its table included).
  await expect(page.getByRole("heading", { name: "sentiment-en", level: 2 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "datatype" }).first()).toBeVisible();

  // The deploy dialog walks tenant → project → environment (the seeded demo ones) and fills a valid name.
  await page.getByRole("button", { name: "Deploy" }).click();
  const dialog = page.getByRole("dialog", { name: "Deploy sentiment-en" });
  await dialog.getByLabel("Tenant").selectOption("demo");
  await dialog.getByLabel("Project").selectOption("shop");
  await dialog.getByLabel("Environment").selectOption("demo-dev");
  await expect(dialog.getByLabel("Deployment name")).toHaveValue("sentiment-en");
  await expect(dialog.getByLabel("Version")).toHaveValue("v1");
  await expect(dialog.getByRole("button", { name: "Deploy" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);

  const comment = `e2e rating ${Date.now()}`;
  const edit = page.getByRole("button", { name: "Edit" });
  // A rerun finds this user's earlier rating: editing replaces it (one rating per user).
  if (await edit.first().isVisible()) await edit.first().click();
  const form = page.getByRole("form", { name: "Rate this model" });
  await form.getByRole("radio", { name: "4 stars" }).check({ force: true });
  await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: /Rate|Update my rating/ }).click();
  const entry = page.getByRole("listitem").filter({ hasText: comment });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("img", { name: "Rated 4.0 out of 5" })).toBeVisible();
  await expect(page.getByText(/from (1 rating|\d+ ratings)$/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/models-model-page.png", fullPage: true });
});
