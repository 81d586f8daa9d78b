import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("match the drizzle schema (generate finds nothing new)", () => {
    // drizzle-kit only takes a path relative to the project (and exits 0 on its own errors).
    mkdirSync(".facet", { recursive: true });
    const out = relative(process.cwd(), mkdtempSync(join(".facet", "drift-")));
    try {
      cpSync("drizzle", out, { recursive: true });
      const before = readdirSync(out).filter((f) => f.endsWith(".sql"));
      const run = spawnSync(
        "npx",
        [
          "drizzle-kit",
          "generate",
          "--dialect",
          "mysql",
          "--schema",
          "./lib/db/schema/index.ts",
          "--out",
          out,
          "--name",
          "drift",
        ],
        { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } },
      );
      const log = `${run.stdout}${run.stderr}`;
      expect(run.status, log).toBe(0);
      const after = readdirSync(out).filter((f) => f.endsWith(".sql"));
      expect(after, `drizzle-kit would add a migration:\n${log}`).toEqual(before);
      expect(log).toMatch(/No schema changes/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
