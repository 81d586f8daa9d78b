import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createEnvironmentWorld } from "../support/world";

// The raw Flow YAML path, end to end: the schema marks an error at its line while typing, the
// fixed Flow is checked by the server, shown as a diff, applied to the sandbox, and its pods'
// lines (and only theirs) land in the environment's log search.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const tenant = `lg-${suffix}`;
const environment = "logs-dev";
const envPage = `/tenants/${tenant}/projects/shop/environments/${environment}`;
let env = "";
let headers: Record<string, string> = {};
let namespace = "";

const flowYaml = (outputRefs: string) => `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata:
  name: web-only
  namespace: ${namespace}
spec:
  match:
    - select:
        labels:
          facet.dev/application: web
  filters:
    - prometheus:
        metrics:
          - name: facet_logging_flow_lines_total
            type: counter
            desc: lines
  localOutputRefs: ${outputRefs}
`;
// Line 17 is `localOutputRefs`: a string there is the schema error.
const ERROR_LINE = 17;

/** Replaces the editor's whole text by pasting it, as a user would (typing would auto-indent). */
async function setEditorText(page: Page, name: string, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Monaco's input element is a zero-size textbox: focus it rather than click it.
  await page.getByRole("group", { name }).getByRole("textbox").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

test.beforeAll(async ({ request }) => {
  ({ env, headers } = await createEnvironmentWorld(request, tenant, environment));
  const detail = await request.get(env, { headers });
  expect(detail.status()).toBe(200);
  namespace = (await detail.json()).namespace;
  for (const name of ["web", "worker"]) {
    const res = await request.post(`${env}/applications`, { headers, data: { name, image: "nginx:1.27" } });
    expect(res.status(), await res.text()).toBe(201);
  }
});

test("a schema error is marked at its line while typing, before any submit", async ({ page }) => {
  const submitted: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" && r.url().includes("/logging/")) submitted.push(r.url());
  });
  await page.goto(`${envPage}/logging/yaml?kind=flow`);
  const editorName = "New Flow";
  await expect(page.getByRole("group", { name: editorName })).toBeVisible();

  await setEditorText(page, editorName, flowYaml("to-facet"));
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  await expect(problems.getByRole("listitem")).toContainText(`Line ${ERROR_LINE}, column`);
  await expect(problems.getByRole("listitem")).toContainText(/Incorrect type\. Expected "array"/);
  await page.screenshot({ path: "test-results/screens/logging-yaml-marker.png", fullPage: true });

  await setEditorText(page, editorName, flowYaml("[to-facet]"));
  await expect(problems).toContainText("No problems found.");
  await expect(problems.getByRole("listitem")).toHaveCount(0);

  // Hover docs from the schema, offline (upstream's CRDs carry none; Facet adds them).
  await page.getByRole("group", { name: editorName }).getByText("match", { exact: true }).hover();
  await expect(page.getByText(/first matching select or exclude wins/)).toBeVisible();
  expect(submitted).toEqual([]);
});

test("the fixed Flow is diffed, applied to the sandbox, and only its pods' lines reach the log search", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);

  // The environment's own output to Facet, and both applications running before collection starts.
  const output = await request.post(`${env}/logging/outputs`, {
    headers,
    data: { name: "to-facet", type: "facet", settings: {} },
  });
  expect(output.status(), await output.text()).toBe(201);
  await expect(async () => {
    const res = await request.get(`${env}/workloads`, { headers });
    const pods = (await res.json()).pods as { app: string | null; phase: string }[];
    for (const app of ["web", "worker"])
      expect(
        pods.some((p) => p.app === app && p.phase === "Running"),
        app,
      ).toBe(true);
  }).toPass({ timeout: 60_000 });

  await page.goto(`${envPage}/logging/yaml?kind=flow`);
  const editorName = "New Flow";
  await setEditorText(page, editorName, flowYaml("[to-facet]"));
  await expect(page.getByRole("region", { name: "Problems" })).toContainText("No problems found.");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("group", { name: "Change: live object and yours" })).toBeVisible();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText("Flow web-only applied.")).toBeVisible();
  const appliedAt = Date.now();

  // Within 10 s of applying, web's lines are searchable; worker's never are (nothing else collects).
  await page.goto(`${envPage}/logs?range=15m`);
  await page.getByRole("checkbox", { name: "Live tail (refresh every 2 s)" }).check();
  const lines = page.getByRole("list", { name: "Log lines" }).getByRole("listitem");
  await expect(lines.filter({ hasText: /\bweb-/ }).first()).toBeVisible({
    timeout: Math.max(1_000, 10_000 - (Date.now() - appliedAt)),
  });
  await expect(lines.filter({ hasText: /\bworker-/ })).toHaveCount(0);

  const kubeconfig = await request.get("/api/v1/clusters/sandbox/kubeconfig", { headers });
  expect(kubeconfig.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "facet-logging-")), "sandbox.kubeconfig");
  writeFileSync(file, await kubeconfig.text());
  const listed = execFileSync("kubectl", ["--kubeconfig", file, "get", "flows", "-n", namespace, "-o", "name"], {
    encoding: "utf8",
  });
  expect(listed).toMatch(/(^|\/)web-only$/m);

  // Live tail has refreshed since: still none of worker's lines.
  await expect(lines.filter({ hasText: /\bweb-/ }).first()).toBeVisible();
  await expect(lines.filter({ hasText: /\bworker-/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/logging-lines.png", fullPage: true });

  await page.goto(`${envPage}/logging`);
  const flows = page.getByRole("table", { name: "Flows" });
  await expect(flows.getByRole("row", { name: /web-only/ })).toContainText("web");
  await expect(flows.getByRole("row", { name: /web-only/ })).toContainText("Active");
});
