import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every `route.ts` under `dir` (App Router route handlers), sorted, joined onto `dir`. */
export function listRouteFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}
