import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import facet from "./scripts/eslint/no-sql-interpolation.mjs";

const layering = {
  patterns: [
    {
      group: ["@/lib/db", "@/lib/db/*"],
      message: "app/ and components/ call services in lib/<domain>, never the database.",
    },
    {
      group: ["drizzle-orm", "drizzle-orm/*", "mysql2", "mysql2/*"],
      message: "Database access lives in lib/<domain>.",
    },
    { group: ["@kubernetes/client-node"], message: "Cluster calls live in lib/clusters." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", layering] },
  },
  {
    // SQL is never built from values; lib/db/sql-text.ts is the one reviewed helper.
    plugins: { facet },
    rules: { "facet/no-sql-interpolation": ["error", { allowFiles: ["lib/db/sql-text.ts"] }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".facet/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "drizzle/**",
  ]),
]);
