import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Editing the YAML of a Deployment Facet manages as an application: its fields (replicas, image,
// env…) go to the application and survive the resync; the fields Facet owns otherwise are refused
// with their name and line; the user's own fields (annotations, tolerations) are applied and kept.
// The sandbox resyncs every second here (startReconcilingSandbox), so a silent revert would show.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

let sb: Sandbox;
let root: string;
let ns = "";
const t = uniqueName("mgd");
const project = `/api/v1/tenants/${t}/projects/shop`;
const env = `${project}/environments/dev`;
const objectPath = `${env}/objects/deployments/web`;

const save = (doc: Doc, dryRun = false, path = objectPath) =>
  api<Doc>("PUT", `${path}${dryRun ? "?dryRun=true" : ""}`, { token: root, body: { yaml: stringify(doc) } });
/** Opens, edits and saves; the sandbox's controllers write status meanwhile (a new
 *  resourceVersion, 409 as Kubernetes answers), so a stale save is opened again, as a user would. */
async function edit(change: (d: Doc) => void, dryRun = false, path = objectPath) {
  for (let attempt = 0; ; attempt++) {
    const doc = parse((await expectOk<{ yaml: string }>(api("GET", path, { token: root }))).yaml) as Doc;
    change(doc);
    const res = await save(doc, dryRun, path);
    if (res.status !== 409 || attempt === 9) return { res, doc };
    await new Promise((r) => setTimeout(r, 200));
  }
}
const live = async (): Promise<Doc> =>
  JSON.parse((await kubectl(sb, ["get", "deployment", "web", "-n", ns, "-o", "json"])).stdout);
const app = () => expectOk<Doc>(api("GET", `${env}/applications/web`, { token: root }));
const resyncs = () => new Promise((r) => setTimeout(r, 3_000));

beforeAll(async () => {
  sb = await startReconcilingSandbox();
  root = await sysadminToken();
  await tenantProject(root, t);
  await sandboxEnvironment(root, project, "dev");
  ns = (await expectOk<{ namespace: string }>(api("GET", env, { token: root }))).namespace;
  await expectOk(
    api("POST", `${env}/applications`, {
      token: root,
      body: { name: "web", image: "nginx:1.27", replicas: 1, ports: [{ name: "http", port: 80 }] },
    }),
    201,
  );
  await eventually(async () => (await kubectl(sb, ["get", "deployment", "web", "-n", ns])).code === 0, 20_000, "web");
}, 60_000);
afterAll(() => sb?.close());

describe("editing the Deployment of an application", () => {
  it("saves replicas, image and env on the application, and the resync keeps them", async () => {
    const change = (doc: Doc) => {
      doc.spec.replicas = 2;
      doc.spec.template.spec.containers[0].image = "nginx:1.28";
      doc.spec.template.spec.containers[0].env = [{ name: "MODE", value: "fast" }];
      doc.metadata.annotations = { ...(doc.metadata.annotations ?? {}), "team.example/owner": "shop" };
    };
    const dry = await expectOk(Promise.resolve((await edit(change, true)).res));
    expect(dry.application.name).toBe("web");
    expect(dry.application.fields.sort()).toEqual(["env", "image", "replicas"]);
    expect((await app()).replicas).toBe(1);
    const saved = await expectOk(Promise.resolve((await edit(change)).res));
    expect(saved.application.fields.sort()).toEqual(["env", "image", "replicas"]);
    expect(await app()).toMatchObject({ replicas: 2, image: "nginx:1.28", env: [{ name: "MODE", value: "fast" }] });
    await resyncs();
    const after = await live();
    expect(after.spec.replicas).toBe(2);
    expect(after.spec.template.spec.containers[0].image).toBe("nginx:1.28");
    expect(after.spec.template.spec.containers[0].env).toEqual([{ name: "MODE", value: "fast" }]);
    expect(after.metadata.annotations["team.example/owner"]).toBe("shop");
  });

  it("applies the user's own fields and keeps them without touching the application", async () => {
    const before = await app();
    const { res } = await edit(
      (doc) => (doc.spec.template.spec.tolerations = [{ key: "spot", operator: "Exists", effect: "NoSchedule" }]),
    );
    const saved = await expectOk(Promise.resolve(res));
    expect(saved.application).toBeNull();
    await resyncs();
    expect((await live()).spec.template.spec.tolerations).toEqual([
      { key: "spot", operator: "Exists", effect: "NoSchedule" },
    ]);
    expect((await app()).version).toBe(before.version);
  });

  it("refuses Facet's other fields with their name and line, and writes nothing", async () => {
    const edits: [string, (d: Doc) => void, RegExp][] = [
      [
        "a probe",
        (d) => (d.spec.template.spec.containers[0].livenessProbe = { tcpSocket: { port: 80 } }),
        /livenessProbe of container web/,
      ],
      [
        "a sidecar",
        (d) => d.spec.template.spec.containers.push({ name: "proxy", image: "envoy:1" }),
        /list of containers/,
      ],
      ["the selector", (d) => (d.spec.selector.matchLabels.extra = "x"), /selector/],
      ["Facet's label", (d) => (d.metadata.labels["facet.dev/application"] = "other"), /label facet\.dev\/application/],
      [
        "a secret-sourced variable",
        (d) =>
          (d.spec.template.spec.containers[0].env = [
            { name: "K", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
          ]),
        /literal value/,
      ],
      [
        "an image the application refuses",
        (d) => (d.spec.template.spec.containers[0].image = "Not An Image!"),
        /image/,
      ],
      ["replicas over the application's bound", (d) => (d.spec.replicas = 1000), /replicas/],
    ];
    for (const [what, change, message] of edits) {
      const before = (await app()).version;
      const { res } = await edit(change);
      expect(res.status, what).toBe(422);
      const errors = res.body.errors as { message: string; line: number | null }[];
      expect(errors.map((e) => e.message).join(" "), what).toMatch(message);
      expect((await app()).version, what).toBe(before);
      expect(
        (await live()).spec.template.spec.containers.map((c: Doc) => c.name),
        what,
      ).toEqual(["web"]);
    }
    // The line of the offending field is given.
    const { res, doc } = await edit(
      (d) => (d.spec.template.spec.containers[0].livenessProbe = { tcpSocket: { port: 80 } }),
    );
    const line =
      stringify(doc)
        .split("\n")
        .findIndex((l) => l.includes("livenessProbe")) + 1;
    expect((res.body.errors as { line: number }[])[0].line).toBe(line);
  });

  it("leaves Deployments that are not an application's alone", async () => {
    const own = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "batch", namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "batch" } },
        template: {
          metadata: { labels: { app: "batch" } },
          spec: { containers: [{ name: "batch", image: "busybox:1", livenessProbe: { tcpSocket: { port: 1 } } }] },
        },
      },
    };
    expect((await kubectl(sb, ["apply", "-f", "-"], JSON.stringify(own))).code).toBe(0);
    // Edited once its rollout settled: until then its controller writes status every tick.
    await eventually(
      async () =>
        (await kubectl(sb, ["get", "deployment", "batch", "-n", ns, "-o", "jsonpath={.status.availableReplicas}"]))
          .stdout === "1",
      20_000,
      "batch available",
    );
    const got = parse(
      (await expectOk<{ yaml: string }>(api("GET", `${env}/objects/deployments/batch`, { token: root }))).yaml,
    ) as Doc;
    got.spec.replicas = 3;
    const saved = await expectOk(
      api<Doc>("PUT", `${env}/objects/deployments/batch`, { token: root, body: { yaml: stringify(got) } }),
    );
    expect(saved.application).toBeNull();
  });
});
