import { expect, test, type Page } from "@playwright/test";
import { sampleTelemetry } from "../support/otlp";
import { adminHeaders, createEnvironmentWorld } from "../support/world";

// The shell on a phone (390 × 844): every console page fits the screen, the menu opens, traps
// focus, closes on Escape and navigates; plus the 404 pages, a save's toast and Ctrl-K search.

const suffix = Date.now().toString(36);
const tenant = `rsp-${suffix}`;
const environment = `narrow-${suffix}`;
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;
const sample = sampleTelemetry(`web-${suffix}`);
const extraPages: string[] = [];

test.beforeAll(async ({ request }) => {
  const world = await createEnvironmentWorld(request, tenant, environment);
  const { headers } = world;
  const token = await request.post(`${world.env}/ingest-tokens`, { headers, data: { name: "narrow collector" } });
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
  for (const [path, data] of [
    ["configs", { dataId: "app.yaml", content: "mode: one\n", type: "yaml" }],
    ["probes", { name: "health", kind: "http", target: "http://127.0.0.1:1/healthz", intervalSeconds: 60 }],
  ] as const) {
    const res = await request.post(`${world.env}/${path}`, { headers, data });
    expect(res.status(), await res.text()).toBe(201);
  }
  // A model's page, when the catalog holds one (it does once the built-in library is seeded).
  const sources = await request.get("/api/v1/model-sources", { headers: await adminHeaders(request) });
  for (const source of ((await sources.json()).items ?? []) as { name: string }[]) {
    const models = await request.get(`/api/v1/model-sources/${source.name}/models?limit=1`, { headers });
    const first = ((await models.json()).items ?? [])[0] as { name: string } | undefined;
    if (first) {
      extraPages.push(`/models/${source.name}/${first.name}`);
      break;
    }
  }
});

/** One page of every kind the console has. */
const consolePages = () => [
  "/",
  "/tenants",
  `/tenants/${tenant}`,
  `/tenants/${tenant}/alerts`,
  `/tenants/${tenant}/alert-channels`,
  `/tenants/${tenant}/projects/shop`,
  envPage,
  ...["alerts", "apm", "configs", "configs/new", "configs/app.yaml", "logging", "logging/yaml", "logs"].map(
    (v) => `${envPage}/${v}`,
  ),
  ...["metrics", "models", "probes", "probes/health", "traces", `traces/${sample.traceId}`].map(
    (v) => `${envPage}/${v}`,
  ),
  `/traces/${sample.traceId}`,
  `/traces/${sample.traceId}/logs`,
  "/models",
  ...extraPages,
  "/audit",
  "/clusters",
  "/clusters/sandbox",
  "/users",
  "/auth-sources",
  "/system",
  "/system/alert-channels",
  "/system/apm",
  "/system/logs",
  "/system/traces",
  "/account/tokens",
];

/** How far the page reaches past the screen and, if it does, the innermost elements that stick
 *  out (content inside a scrolling container, such as a table in its card, does not count). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const excess = root.scrollWidth - width;
    if (excess <= 0) return { excess: 0, culprits: [] };
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== "visible") return true;
      return false;
    };
    const out = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed" && !clipped(el),
    );
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    return {
      excess,
      culprits: innermost
        .slice(0, 5)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} "${el.textContent?.slice(0, 40)}"`,
        ),
    };
  });
}

test.describe("on a 390 px screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("every console page fits the width; wide content scrolls inside its card", async ({ page }) => {
    test.setTimeout(240_000);
    for (const path of consolePages()) {
      const response = await page.goto(path);
      expect.soft(response?.status(), path).toBeLessThan(400);
      await expect(page.getByRole("main").getByRole("heading", { level: 1 }).first()).toBeVisible();
      const measured = await overflow(page);
      expect.soft(measured, path).toEqual({ excess: 0, culprits: [] });
    }
    // A table wider than the phone scrolls inside its own box.
    await page.goto("/users");
    const box = page.getByRole("table").first().locator("xpath=..");
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await box.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/overview-390.png", fullPage: true });
  });

  test("the menu button opens the navigation and scope pickers, Escape closes it, links navigate", async ({ page }) => {
    await page.goto(envPage);
    // The sidebar is folded away: its navigation is only in the menu.
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
    const button = page.getByRole("button", { name: "Open menu" });
    await button.click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(
      menu.getByRole("group", { name: "Current scope" }).getByLabel("Environment", { exact: true }),
    ).toHaveValue(environment);
    // Focus is inside the menu, and Tab keeps it there.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      expect(await menu.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.screenshot({ path: "test-results/screens/menu-390.png" });
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    await button.click();
    await menu.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Tenants" }).click();
    await expect(page).toHaveURL(/\/tenants$/);
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { name: "Tenants", level: 1 })).toBeVisible();

    // The scope pickers work from the menu too.
    await button.click();
    await menu.getByLabel("Tenant", { exact: true }).selectOption(tenant);
    await expect(page).toHaveURL(`/tenants/${tenant}`);
    await menu.getByLabel("Project", { exact: true }).selectOption("shop");
    await expect(page).toHaveURL(`/tenants/${tenant}/projects/shop`);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  });

  test("in dark mode the menu takes the dark card colour", async ({ page }) => {
    await page.goto("/");
    await page.evaluate(() => localStorage.setItem("theme", "dark"));
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu).toBeVisible();
    // --card in .dark (app/globals.css) is near black; Chromium reports it as lab() or oklch().
    const background = await menu.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [, space, lightness] = /^(lab|oklch)\(([\d.]+)/.exec(background) ?? [];
    expect(Number(lightness) / (space === "lab" ? 100 : 1), background).toBeLessThan(0.3);
    await page.screenshot({ path: "test-results/screens/menu-390-dark.png" });
  });
});

test("an unknown address answers 404 with a page that leads back, inside the console shell for console objects", async ({
  page,
}) => {
  const bare = await page.goto(`/no-such-page-${suffix}`);
  expect(bare?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  for (const path of [
    `/tenants/no-such-${suffix}`,
    `/tenants/${tenant}/projects/no-such`,
    `${envPage.replace(environment, "no-such")}/configs`,
    `${envPage}/configs/no-such.yaml`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Go to your tenants" }).click();
  await expect(page).toHaveURL(/\/tenants$/);
});

test("the 404 page speaks Chinese to a zh-CN reader", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  await context.addCookies([{ name: "facet-locale", value: "zh-CN", url: baseURL! }]);
  const page = await context.newPage();
  expect((await page.goto(`/tenants/no-such-${suffix}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "返回概览" })).toBeVisible();
  await context.close();
});

test("publishing a config confirms with a toast that is announced politely", async ({ page }) => {
  await page.goto(`${envPage}/configs/app.yaml`);
  const editor = page.getByRole("group", { name: "Content" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("mode: two");
  await page.getByRole("button", { name: "Publish" }).click();
  const toast = page.getByRole("status").filter({ hasText: "Config app.yaml published." });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute("aria-live", "polite");
  await page.screenshot({ path: "test-results/screens/toast.png" });
  await toast.getByRole("button", { name: "Close" }).click();
  await expect(toast).toBeHidden();
});

test("Ctrl-K finds an environment by name and Enter opens it; a trace id jumps to the trace", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Search the console" });
  await expect(palette).toBeVisible();
  const box = palette.getByRole("combobox", { name: "Search for" });
  await expect(box).toBeFocused();
  await box.fill(environment);
  const option = palette.getByRole("option", { name: new RegExp(`${environment}`) });
  await expect(option).toHaveCount(1);
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: "test-results/screens/search.png" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(envPage);
  await expect(palette).toBeHidden();

  // Another tenant's names are not offered: nothing matches a name that exists only elsewhere.
  await page.keyboard.press("Control+k");
  await box.fill(`no-such-${suffix}`);
  await expect(palette.getByText(`Nothing you may see matches “no-such-${suffix}”.`)).toBeVisible();
  await box.fill(sample.traceId.toUpperCase());
  await expect(palette.getByRole("option", { name: new RegExp(sample.traceId) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/traces/${sample.traceId}`);

  // The header button opens it too, and Escape closes it.
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});
