import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Next resolves "server-only" to a no-op on the server; the package's default export throws.
      { find: /^server-only$/, replacement: `${root}lib/testing/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    include: [
      "lib/**/__tests__/**/*.test.ts",
      "scripts/**/__tests__/**/*.test.ts",
      "components/**/__tests__/**/*.test.ts",
    ],
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 30_000,
    // Test servers (Prometheus, fake Nacos, fake clusters) listen on loopback; production refuses it.
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
      FACET_EGRESS_ALLOW_LOOPBACK: "1",
      // The AWS SDK line is pinned for Node 20; its notice about later lines is known (TOOLCHAIN).
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    hookTimeout: 60_000,
    // Integration tests share one database; files run one after another.
    fileParallelism: false,
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
