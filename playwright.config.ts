import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  channel: undefined,
  launchOptions: {
    // Debian's Chromium; Playwright's own browser download is not available here.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: { baseURL, screenshot: "only-on-failure", trace: "off", locale: "en-US" },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: chromium },
    { name: "api", testDir: "./e2e/api", dependencies: ["setup"] },
    {
      name: "ui",
      testDir: "./e2e/ui",
      dependencies: ["setup"],
      use: { ...chromium, storageState: "e2e/.auth/admin.json" },
    },
  ],
  webServer: {
    // The production server (scripts/server.ts: Next behind Facet's node:http front).
    command: `node --import tsx scripts/server.ts -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      FACET_EGRESS_ALLOW_LOOPBACK: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      PORT: String(port),
      FACET_INTERNAL_URL: baseURL,
      FACET_RESYNC_SECONDS: "5",
      // Alert rules evaluated every 2 s, so specs see them fire without waiting half a minute.
      FACET_ALERT_EVAL_SECONDS: "2",
      // The test runner stands in for a trusted proxy: its X-Forwarded-For gives each spec its own address.
      FACET_TRUSTED_PROXIES: "127.0.0.1",
    },
  },
});
