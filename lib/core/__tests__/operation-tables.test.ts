import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/core/operation";

// Every operation table under lib/ (lib/<domain>/operations.ts, at any depth).
const root = join(__dirname, "../../..");
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "__tests__" || e.name === "node_modules" ? [] : walk(p);
    return [p];
  });
}
const tables = walk(join(root, "lib")).filter((p) => p.endsWith("/operations.ts"));

async function loadOperations(): Promise<Array<{ table: string; key: string; op: Operation }>> {
  const found: Array<{ table: string; key: string; op: Operation }> = [];
  for (const file of tables) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const table of Object.values(mod)) {
      if (!table || typeof table !== "object") continue;
      for (const [key, op] of Object.entries(table as Record<string, Operation>))
        found.push({ table: relative(root, file), key, op });
    }
  }
  return found;
}

describe("operation tables", () => {
  it("finds the tables", () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
  });

  it("every operation runs a verb and takes its permission and name from it", async () => {
    const ops = await loadOperations();
    expect(ops.length).toBeGreaterThan(90);
    const wrong = ops.filter(
      ({ op }) => !op.verb || op.permission !== op.verb.permission || op.name !== op.verb.verbName,
    );
    expect(wrong.map((w) => `${w.table}#${w.key}`)).toEqual([]);
  });

  it("no two verbs share a name", async () => {
    const byName = new Map<string, Set<unknown>>();
    for (const { op } of await loadOperations()) {
      if (!op.verb) continue;
      const set = byName.get(op.verb.verbName) ?? new Set();
      set.add(op.verb);
      byName.set(op.verb.verbName, set);
    }
    const duplicates = [...byName].filter(([, verbs]) => verbs.size > 1).map(([name]) => name);
    expect(duplicates).toEqual([]);
  });
});
