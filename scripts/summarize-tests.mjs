// Adds up the suite results in a results folder and prints one line: "N passed, N failed".
// With --check it exits 1 when anything failed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? ".test-results";
// The first line of a failure message, without colour codes, short enough for a log line.
const firstLine = (text) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")[0]
    .slice(0, 240);

let passed = 0;
let failed = 0;
const lines = [];

const steps = join(dir, "steps.tsv");
if (existsSync(steps)) {
  for (const row of readFileSync(steps, "utf8").split("\n").filter(Boolean)) {
    const [name, p, f] = row.split("\t");
    passed += Number(p);
    failed += Number(f);
    lines.push(`  ${Number(f) ? "FAIL" : "ok  "} ${name}`);
  }
}

const vitest = join(dir, "vitest.json");
if (existsSync(vitest)) {
  const v = JSON.parse(readFileSync(vitest, "utf8"));
  // A file that fails to load or whose setup throws fails without a failed test (its tests are
  // "skipped"): each of its tests that did not pass counts as failed, and at least one.
  const brokenFiles = (v.testResults ?? [])
    .filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"))
    .reduce((n, f) => n + Math.max(1, (f.assertionResults ?? []).filter((a) => a.status !== "passed").length), 0);
  passed += v.numPassedTests;
  failed += v.numFailedTests + brokenFiles;
  lines.push(`  vitest: ${v.numPassedTests} passed, ${v.numFailedTests + brokenFiles} failed`);
  // CI keeps only the tail of the log: name what failed here, where it is read.
  for (const f of v.testResults ?? []) {
    if (f.status !== "failed") continue;
    const file = f.name.replace(process.cwd() + "/", "");
    const failedTests = (f.assertionResults ?? []).filter((a) => a.status === "failed");
    if (failedTests.length === 0) lines.push(`    FAIL ${file}: ${firstLine(f.message)}`);
    for (const a of failedTests) lines.push(`    FAIL ${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
}

const playwright = join(dir, "playwright.json");
if (existsSync(playwright)) {
  const report = JSON.parse(readFileSync(playwright, "utf8"));
  const s = report.stats ?? {};
  // Flaky = passed on retry; it is reported, and counted as passed. Errors outside tests (a
  // global setup that throws, so nothing runs) count as failures too.
  const p = (s.expected ?? 0) + (s.flaky ?? 0);
  const f = (s.unexpected ?? 0) + (s.skipped ?? 0) + (report.errors ?? []).length;
  passed += p;
  failed += f;
  lines.push(`  playwright: ${p} passed, ${f} failed${s.flaky ? ` (${s.flaky} flaky)` : ""}`);
  for (const e of report.errors ?? []) lines.push(`    ERROR ${firstLine(e.message)}`);
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "expected") continue;
        const last = (t.results ?? []).at(-1);
        lines.push(
          `    ${t.status.toUpperCase()} ${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}: ${firstLine(last?.error?.message)}`,
        );
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
}

if (!process.argv.includes("--check")) {
  console.log(lines.join("\n"));
  console.log(`${passed} passed, ${failed} failed`);
}
process.exit(process.argv.includes("--check") && (failed > 0 || passed === 0) ? 1 : 0);
