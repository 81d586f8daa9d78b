import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// An environment's workloads with many pods: pods come a page at a time through the cluster's own
// continue token, with a count of each phase; a phase filter and bad paging are answered.

interface Workloads {
  pods: { name: string; phase: string }[];
  podsNextCursor: string | null;
  podPhases: Record<string, number>;
}

let sb: Sandbox;
let root: string;
const t = uniqueName("pods");
const project = `/api/v1/tenants/${t}/projects/shop`;
const env = `${project}/environments/dev`;
const REPLICAS = 60;

beforeAll(async () => {
  sb = await startReconcilingSandbox();
  root = await sysadminToken();
  await tenantProject(root, t);
  await sandboxEnvironment(root, project, "dev", "dev", { cpu: "64", memory: "128Gi", storage: "10Gi", pods: "100" });
  await expectOk(
    api("POST", `${env}/applications`, { token: root, body: { name: "web", image: "nginx:1.27", replicas: REPLICAS } }),
    201,
  );
  await eventually(
    async () =>
      (await expectOk<Workloads>(api("GET", `${env}/workloads?podLimit=1`, { token: root }))).podPhases.Running ===
      REPLICAS,
    60_000,
    `${REPLICAS} running pods`,
  );
}, 90_000);
afterAll(() => sb?.close());

describe("workloads with many pods", () => {
  it("pages pods by the cluster's continue token, each once, with counts per phase", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Workloads = await expectOk<Workloads>(
        api("GET", `${env}/workloads?podLimit=25${cursor ? `&podCursor=${encodeURIComponent(cursor)}` : ""}`, {
          token: root,
        }),
      );
      expect(page.pods.length).toBeLessThanOrEqual(25);
      expect(page.podPhases).toMatchObject({ Running: REPLICAS, Pending: 0, Failed: 0 });
      seen.push(...page.pods.map((p) => p.name));
      cursor = page.podsNextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(REPLICAS);
    // The default page is small however many pods there are.
    const first = await expectOk<Workloads>(api("GET", `${env}/workloads`, { token: root }));
    expect(first.pods).toHaveLength(50);
  });

  it("filters by phase, and refuses paging it cannot honour", async () => {
    const pending = await expectOk<Workloads>(api("GET", `${env}/workloads?phase=Pending`, { token: root }));
    expect(pending.pods).toEqual([]);
    const running = await expectOk<Workloads>(api("GET", `${env}/workloads?phase=Running&podLimit=5`, { token: root }));
    expect(running.pods.map((p) => p.phase)).toEqual(Array(5).fill("Running"));
    for (const bad of ["podLimit=0", "podLimit=201", "podLimit=abc", "phase=Sleeping", `podCursor=${"x".repeat(5000)}`])
      expect((await api("GET", `${env}/workloads?${bad}`, { token: root })).status, bad).toBe(422);
  });
});
