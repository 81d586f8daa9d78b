import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLoggingOperator } from "@/lib/sandbox/logging/crds";
import { kubectl, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";

// The sandbox installs the Logging Operator's CRDs and validates custom objects against them.

let sandbox: Sandbox;

const ok = async (args: string[], input?: string) => {
  const run = await kubectl(sandbox, args, input);
  expect(run.code, `kubectl ${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

const flowYaml = (ns: string, name: string, filters = "[]", extra = "") => `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata: {name: ${name}, namespace: ${ns}}
spec:
  match:
  - select: {labels: {app: web}}
  filters: ${filters}
  localOutputRefs: [loki]
${extra}`;

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${sandbox.server}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json", ...init.headers },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

describe("the Logging Operator in the sandbox", () => {
  it("serves the four CRDs, the loggings CRD and the Logging facet naming the control namespace", async () => {
    const crds = await ok(["get", "crds", "-o", "name"]);
    for (const plural of ["flows", "clusterflows", "outputs", "clusteroutputs", "loggings"])
      expect(crds).toContain(`customresourcedefinition.apiextensions.k8s.io/${plural}.logging.banzaicloud.io`);
    expect(await ok(["get", "loggings", "facet", "-o", "jsonpath={.spec.controlNamespace}"])).toBe("facet-logging");
    expect(await ok(["get", "namespace", "facet-logging", "-o", "name"])).toBe("namespace/facet-logging\n");
  });

  it("seeds idempotently: a restart changes nothing that is already installed", async () => {
    const versions = async () =>
      ok([
        "get",
        "crds,loggings",
        "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion} {end}",
      ]);
    const before = await versions();
    expect(before).toContain("flows.logging.banzaicloud.io=");
    await seedLoggingOperator();
    expect(await versions()).toBe(before);
  });

  it("lists a Flow with kubectl get flows -n ns, with the operator's columns", async () => {
    const ns = uniqueNamespace("flows");
    await ok(["create", "namespace", ns]);
    await ok(["apply", "-f", "-"], flowYaml(ns, "web"));
    const table = await ok(["get", "flows", "-n", ns]);
    expect(table).toMatch(/^NAME\s+ACTIVE\s+PROBLEMS/);
    expect(table).toMatch(/\nweb\s/);
  });

  it("treats fields the schema does not know as a real apiserver does: Strict fails, Warn prunes with a warning", async () => {
    const ns = uniqueNamespace("unknown");
    await ok(["create", "namespace", ns]);
    // kubectl sends fieldValidation=Strict.
    const strict = await kubectl(sandbox, ["apply", "-f", "-"], flowYaml(ns, "typo", "[]", "  bogusField: x\n"));
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.bogusField"');
    const res = await fetch(`${sandbox.server}/apis/logging.banzaicloud.io/v1beta1/namespaces/${ns}/flows`, {
      method: "POST",
      headers: { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        apiVersion: "logging.banzaicloud.io/v1beta1",
        kind: "Flow",
        metadata: { name: "typo" },
        spec: {
          localOutputRefs: ["loki"],
          bogusField: "x",
          filters: [{ grep: { regexp: [{ key: "a", pattern: "b", nope: 1 }] } }],
        },
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("warning")).toContain('unknown field \\"spec.bogusField\\"');
    const created = (await res.json()) as { spec: Record<string, unknown> };
    expect(created.spec).toEqual({
      localOutputRefs: ["loki"],
      filters: [{ grep: { regexp: [{ key: "a", pattern: "b" }] } }],
    });
  });

  it("refuses a Flow its schema refuses with 422 Invalid, also on a dry run, and stores nothing", async () => {
    const ns = uniqueNamespace("badflow");
    await ok(["create", "namespace", ns]);
    const bad = {
      apiVersion: "logging.banzaicloud.io/v1beta1",
      kind: "Flow",
      metadata: { name: "bad" },
      spec: { filters: [{ throttle: { group_bucket_limit: "lots" } }], match: "everything" },
    };
    const path = `/apis/logging.banzaicloud.io/v1beta1/namespaces/${ns}/flows`;
    const dry = await call(`${path}?dryRun=All`, { method: "POST", body: JSON.stringify(bad) });
    expect(dry.status).toBe(422);
    expect(dry.body.reason).toBe("Invalid");
    const causes = (dry.body.details as { causes: { field: string; message: string }[] }).causes;
    expect(causes.map((c) => c.field).sort()).toEqual(["spec.filters[0].throttle.group_bucket_limit", "spec.match"]);
    expect(causes.find((c) => c.field === "spec.match")!.message).toContain("must be of type array");
    expect(dry.body.message).toMatch(/^Flow.logging.banzaicloud.io "bad" is invalid: /);
    expect((await call(`${path}/bad`)).status).toBe(404);
    // The same object made valid passes the dry run and still stores nothing.
    const good = { ...bad, spec: { filters: [{ throttle: { group_bucket_limit: 10 } }] } };
    expect((await call(`${path}?dryRun=All`, { method: "POST", body: JSON.stringify(good) })).status).toBe(201);
    expect((await call(`${path}/bad`)).status).toBe(404);
    const run = await kubectl(sandbox, ["apply", "-f", "-"], flowYaml(ns, "typed", "[{grep: {regexp: 5}}]"));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("spec.filters[0].grep.regexp");
  });
});
