import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopLoggingOperator } from "@/lib/sandbox/logging/operator";
import { eventually, kubectl, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { LogSearchResult } from "@/lib/telemetry/schemas";

// The application form end to end: a Flow made from the form (grep exclude, throttle, counter)
// to a "Facet" output made from the output form, run by the sandbox's operator; what lands in
// the log search is counted against what the pods wrote.

let sandbox: Sandbox;
let w: TelemetryWorld;

const pod = (ns: string, name: string, app: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app.kubernetes.io/name: ${app}}
  annotations: {facet.dev/log-lines-per-second: "40"}
spec:
  containers:
  - name: main
    image: nginx:1.27
    resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 100m, memory: 64Mi}}
`;

const ok = async (args: string[], input?: string) => {
  const run = await kubectl(sandbox, args, input);
  expect(run.code, `kubectl ${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

const linesOf = async (podName: string, since: number) =>
  (
    await expectOk<LogSearchResult>(
      api("GET", `${w.env("a")}/logs?pod=${podName}&limit=1000&start=${since}`, { token: w.root }),
    )
  ).logs;

beforeAll(async () => {
  process.env.SANDBOX_LOGGING_TICK_MS = "300";
  sandbox = await startSandbox();
  process.env.FACET_INTERNAL_URL = sandbox.server.origin;
  w = await telemetryWorld("lgform");
  const ns = w.namespace("a");
  if ((await kubectl(sandbox, ["get", "namespace", ns])).code !== 0) await ok(["create", "namespace", ns]);
  await ok(["apply", "-f", "-"], pod(ns, "web-0", "web"));
  await ok(["apply", "-f", "-"], pod(ns, "batch-0", "batch"));
  for (const name of ["web-0", "batch-0"])
    await eventually(
      async () =>
        (await kubectl(sandbox, ["get", "pod", name, "-n", ns, "-o", "jsonpath={.status.phase}"])).stdout === "Running",
      15_000,
      `pod ${name} running`,
    );
}, 90_000);

afterAll(async () => {
  stopLoggingOperator();
  await sandbox?.close();
});

describe("logging: the application form, end to end on the sandbox", () => {
  it("collects the chosen application only, without the excluded lines, at the throttled rate", async () => {
    // A new Flow reads from a second before its creationTimestamp, which has whole seconds: up to
    // two seconds of lines written before it existed, which may spend the throttle's first bucket
    // (30 lines). The search starts earlier, so those count; the throttle's bound is what matters.
    const since = Date.now() - 5_000;
    await expectOk(
      api("POST", `${w.env("a")}/logging/outputs`, { token: w.root, body: { name: "to-facet", type: "facet" } }),
      201,
    );
    await expectOk(
      api("POST", `${w.env("a")}/logging/flows`, {
        token: w.root,
        body: {
          name: "web",
          applications: [{ name: "web", labelKey: "app.kubernetes.io/name" }],
          outputs: ["to-facet"],
          clusterOutputs: [],
          filters: { grep: { exclude: "healthz" }, throttle: { linesPerMinute: 30 }, counter: true },
        },
      }),
      201,
    );
    const landed = await eventually(
      async () => {
        const logs = await linesOf("web-0", since);
        return logs.length >= 10 ? logs : null;
      },
      // Generous: on a loaded machine the operator's first deliveries take longer; the throttle's
      // upper bound below is what is asserted, not how soon lines arrive.
      30_000,
      "web-0's lines in the log search",
    );
    // Six seconds more: unthrottled, 40 lines/s would bring hundreds; the throttle lets 30 a minute.
    await new Promise((r) => setTimeout(r, 6_000));
    const after = await linesOf("web-0", since);
    expect(after.length).toBeGreaterThanOrEqual(landed.length);
    expect(after.length).toBeLessThanOrEqual(60);
    const raw = await ok(["logs", "web-0", "-n", w.namespace("a"), "--since=20s"]);
    expect(raw.split("\n").length).toBeGreaterThan(200);
    expect(raw).toContain("/healthz");
    expect(after.filter((l) => l.body.includes("healthz"))).toEqual([]);
    expect(after[0]).toMatchObject({ service: "web", pod: "web-0" });
    // The other application's pod was not chosen.
    expect(await linesOf("batch-0", since)).toEqual([]);
    const flow = await expectOk<{ filters: string[]; applications: string[] }>(
      api("GET", `${w.env("a")}/logging/flows/web`, { token: w.root }),
    );
    expect(flow.applications).toEqual(["web"]);
    expect(flow.filters).toEqual(expect.arrayContaining(["grep", "throttle", "prometheus"]));
  }, 60_000);
});
