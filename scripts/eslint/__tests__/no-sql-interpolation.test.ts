import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lints snippets with the project's own eslint.config.mjs, as `npm run lint` does, placed where
// domain code lives, so the test fails if the rule is unplugged or stops seeing a pattern.
const eslint = new ESLint({ cwd: process.cwd() });

async function sqlProblems(code: string, filePath = "lib/telemetry/query/unsafe-example.ts"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "facet/no-sql-interpolation").map((m) => m.message);
}

const unsafe = {
  "value in a JSON path":
    "export const q = (label: string) => pool.query(`SELECT * FROM s WHERE JSON_EXTRACT(labels, '$.\"${label}\"') = ?`, [1]);",
  "value in a WHERE": "export const q = (name: string) => pool.query(`SELECT id FROM users WHERE name = '${name}'`);",
  "column name from input": "export const q = (col: string) => pool.query(`SELECT ${col} FROM users`);",
  "LIMIT from input": "export const q = (n: number) => pool.query(`SELECT id FROM t ORDER BY id LIMIT ${n}`);",
  "lower-case tag that is not sql":
    "const tag = String.raw; export const q = (x: string) => tag`DELETE FROM t WHERE a = ${x}`;",
  concatenation: 'export const q = (x: string) => pool.query("SELECT * FROM t WHERE a = \'" + x + "\'");',
  "concatenation of a template": "export const q = (x: string) => pool.query(`UPDATE t SET a = 1 WHERE b = ` + x);",
  "sql.raw with a variable": "import { sql } from 'drizzle-orm'; export const q = (x: string) => sql.raw(x);",
  "sqlText called as a function":
    "import { sqlText } from '@/lib/db/sql-text'; export const q = (x: never) => sqlText(x);",
};

const safe = {
  "bound values": "export const q = (name: string) => pool.query('SELECT id FROM users WHERE name = ?', [name]);",
  "drizzle sql tag binds":
    "import { sql } from 'drizzle-orm'; export const q = (x: string) => sql`SELECT * FROM t WHERE a = ${x}`;",
  "sqlText tag of SqlText pieces":
    "import { sqlText } from '@/lib/db/sql-text'; const W = sqlText`a = ?`; export const q = sqlText`SELECT * FROM t WHERE ${W}`;",
  "a message that is not SQL": "export const m = (n: string) => `Project ${n} was updated.`;",
  "sql.raw with a literal": "import { sql } from 'drizzle-orm'; export const q = sql.raw('SELECT 1');",
};

describe("lint rule facet/no-sql-interpolation", () => {
  for (const [name, code] of Object.entries(unsafe)) {
    it(`fails the lint on ${name}`, async () => {
      expect(await sqlProblems(code)).not.toHaveLength(0);
    });
  }
  for (const [name, code] of Object.entries(safe)) {
    it(`allows ${name}`, async () => {
      expect(await sqlProblems(code)).toEqual([]);
    });
  }
  it("applies to scripts, benches and tests too, and exempts only the reviewed helper", async () => {
    const code = unsafe["value in a WHERE"];
    for (const file of ["scripts/x.ts", "bench/x.ts", "lib/db/__tests__/x.test.ts", "app/api/x/route.ts"])
      expect(await sqlProblems(code, file), file).not.toHaveLength(0);
    expect(await sqlProblems(code, "lib/db/sql-text.ts")).toEqual([]);
  });
});
