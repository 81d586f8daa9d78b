import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "../../..");
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "__tests__" ? [] : walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
const sources = walk(join(root, "lib")).map((p) => ({ path: relative(root, p), text: readFileSync(p, "utf8") }));

// The transports: HTTP routes (lib/http), the console's server actions and pages (lib/console),
// and the Node server in front of Next (lib/server). Domains sit below them and import lib/core.
const TRANSPORTS = ["lib/http/", "lib/console/", "lib/server/"];

function importsHttp(file: string, spec: string): boolean {
  const target = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? relative(root, join(root, dirname(file), spec))
      : "";
  return target === "lib/http" || target.startsWith("lib/http/");
}

describe("layering", () => {
  it("sees the sources", () => {
    expect(sources.length).toBeGreaterThan(200);
  });

  it("no file under lib/ outside the transports imports lib/http", () => {
    const offenders = sources
      .filter((s) => !TRANSPORTS.some((t) => s.path.startsWith(t)))
      .filter((s) => [...s.text.matchAll(/from "([^"]+)"/g)].some(([, spec]) => importsHttp(s.path, spec)))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it("no file defines more than one verb()", () => {
    const counts = sources
      .filter((s) => s.path !== "lib/core/verb.ts")
      .map((s) => ({ path: s.path, verbs: (s.text.match(/(?<![\w.])verb\(/g) ?? []).length }));
    const offenders = counts.filter((c) => c.verbs > 1).map((c) => `${c.path} (${c.verbs})`);
    expect(offenders).toEqual([]);
  });

  it("no verb asserts its scope with `!`: operations hand verbs a typed scope", () => {
    const offenders = sources.filter((s) => /ctx\.scope\.\w+!/.test(s.text)).map((s) => s.path);
    expect(offenders).toEqual([]);
  });
});
