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

  const taskChips = page.getByRole("group", { name: "Task" });
  await taskChips.getByRole("button", { name: /text-classification/ }).click();
  await expect(page).toHaveURL(/task=text-classification/);
  await expect(taskChips.getByRole("button", { name: /text-classification/ })).toHaveAttribute("aria-pressed", "true");
  await expect(results.getByRole("link", { name: "entities-en" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/models-catalog.png", fullPage: true });

  await results.getByRole("link", { name: "sentiment-en" }).click();
  await expect(page.getByRole("heading", { name: "sentiment-en", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Versions" }).getByRole("cell", { name: "v1" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Deploy" })).toBeVisible();

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
  await expect(page.getByText(/from \d+ ratings/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/models-model-page.png", fullPage: true });
});
