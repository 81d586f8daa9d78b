import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Every common kind of an environment through the JSON API, on the sandbox cluster: lists with
// their columns and paging, create/edit from YAML with dry run and conflicts, Secret reveals
// (authorization and audit), and the events view.

type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { code: string; detail: string; errors?: { path: string; message: string }[]; details?: never };

describe("every common kind on the sandbox", () => {
  let sb: Sandbox;
  let root: string;
  const t = uniqueName("kinds");
  const other = uniqueName("kinds-o");
  const project = `/api/v1/tenants/${t}/projects/shop`;
  let dev: string;
  let prod: string;
  let otherEnv: string;
  let devNs: string;
  const users: Record<"viewer" | "developer" | "operator" | "outsider", { username: string; token: string }> =
    {} as never;

  const apply = async (ns: string, yaml: string) => {
    const run = await kubectl(sb, ["apply", "-n", ns, "-f", "-"], yaml);
    expect(run.code, run.stderr).toBe(0);
  };
  const revealAudits = async (name: string) =>
    getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "workloads.secret.reveal"), eq(auditLogs.target, `${auditPrefix}/${name}`)));
  let auditPrefix = "";

  beforeAll(async () => {
    sb = await startReconcilingSandbox();
    root = await sysadminToken();
    await tenantProject(root, t);
    dev = await sandboxEnvironment(root, project, "kinds-dev", "dev");
    prod = await sandboxEnvironment(root, project, "kinds-prod", "prod");
    const otherProject = await tenantProject(root, other);
    otherEnv = await sandboxEnvironment(root, otherProject, "kinds-dev", "dev");
    devNs = (await expectOk<{ namespace: string }>(api("GET", dev, { token: root }))).namespace;
    const prodNs = (await expectOk<{ namespace: string }>(api("GET", prod, { token: root }))).namespace;
    auditPrefix = `cluster/sandbox/namespace/${prodNs}/secrets`;
    for (const role of ["viewer", "developer", "operator", "outsider"] as const) users[role] = await person(role);
    const member = (tenant: string, username: string) =>
      expectOk(
        api("POST", `/api/v1/tenants/${tenant}/members`, { token: root, body: { username, role: "member" } }),
        201,
      );
    await member(t, users.viewer.username);
    await member(t, users.developer.username);
    await member(t, users.operator.username);
    await member(other, users.outsider.username);
    await expectOk(
      api("POST", `${prod}/members`, { token: root, body: { username: users.viewer.username, role: "reader" } }),
      201,
    );
    await expectOk(
      api("POST", `${prod}/members`, { token: root, body: { username: users.operator.username, role: "operator" } }),
      201,
    );
    await expectOk(
      api("POST", `${project}/members`, { token: root, body: { username: users.developer.username, role: "dev" } }),
      201,
    );
    await expectOk(
      api("POST", `${otherProject}/members`, { token: root, body: { username: users.outsider.username, role: "ops" } }),
      201,
    );
    for (const env of [dev, prod])
      await expectOk(
        api("POST", `${env}/objects/secrets`, {
          token: root,
          body: {
            yaml: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: s3cret-value\n  user: app\n",
          },
        }),
        201,
      );
  }, 90_000);
  afterAll(() => sb?.close());

  it("lists each kind with its columns; Secrets show keys and sizes, never values", async () => {
    await apply(
      devNs,
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: "postgres:16"}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: "fluent-bit:3"}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  completions: 3
  template:
    spec: {restartPolicy: Never, containers: [{name: m, image: "busybox:1.36"}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec: {restartPolicy: OnFailure, containers: [{name: n, image: "busybox:1.36"}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
  - host: api.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {mode: fast, "app.properties": "a=1\\nb=2\\n"}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`,
    );
    const list = <T>(kind: string, token = root) =>
      expectOk<Page<T> & { resource: string }>(api("GET", `${dev}/objects/${kind}`, { token }));

    const sts = await eventually(
      async () => (await list<{ name: string; ready: number; desired: number }>("statefulsets")).items,
      30_000,
      "the StatefulSet listed",
    );
    expect(sts).toEqual([expect.objectContaining({ name: "db", desired: 2, ready: expect.any(Number) })]);
    const ds = (await list<{ name: string; images: string[] }>("daemonsets")).items;
    expect(ds).toEqual([expect.objectContaining({ name: "agent", images: ["fluent-bit:3"] })]);
    expect((await list<{ name: string; completions: number }>("jobs")).items).toEqual([
      expect.objectContaining({ name: "migrate", completions: 3, status: "Running" }),
    ]);
    expect((await list("cronjobs")).items).toEqual([
      expect.objectContaining({ name: "nightly", schedule: "0 3 * * *", suspend: false, lastScheduleTime: null }),
    ]);
    expect((await list("ingresses")).items).toEqual([
      expect.objectContaining({ name: "web", className: "nginx", hosts: ["shop.example.com", "api.example.com"] }),
    ]);
    expect((await list("configmaps")).items).toContainEqual(
      expect.objectContaining({
        name: "settings",
        keys: [
          { key: "app.properties", size: 8 },
          { key: "mode", size: 4 },
        ],
      }),
    );
    // The sandbox binds a claim at once to a volume of the size it asked for.
    const claims = await eventually(
      async () => {
        const items = (await list<{ phase: string }>("persistentvolumeclaims")).items;
        return items[0]?.phase === "Bound" && items;
      },
      20_000,
      "the claim bound",
    );
    expect(claims).toEqual([
      expect.objectContaining({
        name: "data",
        phase: "Bound",
        requested: "1Gi",
        capacity: "1Gi",
        accessModes: ["ReadWriteOnce"],
        storageClass: "standard",
        volume: expect.stringMatching(/^pvc-/),
      }),
    ]);
    // A reader sees the Secret's keys and decoded sizes; the value appears nowhere in the answer.
    const viewerSecrets = await api<unknown>("GET", `${prod}/objects/secrets`, { token: users.viewer.token });
    expect(viewerSecrets.status).toBe(200);
    expect(viewerSecrets.body).toMatchObject({
      items: [
        expect.objectContaining({
          name: "db",
          type: "Opaque",
          keys: expect.arrayContaining([
            { key: "password", size: 12 },
            { key: "user", size: 3 },
          ]),
        }),
      ],
    });
    const raw = JSON.stringify(viewerSecrets.body);
    expect(raw).not.toContain("s3cret-value");
    expect(raw).not.toContain(Buffer.from("s3cret-value").toString("base64"));
    const yaml = await expectOk<{ yaml: string }>(
      api("GET", `${prod}/objects/secrets/db`, { token: users.viewer.token }),
    );
    expect(yaml.yaml).toContain('password: "[hidden]"');
    expect(yaml.yaml).not.toContain(Buffer.from("s3cret-value").toString("base64"));
    // Kinds outside the list are not a route: no free-form access to other resources.
    expect((await api("GET", `${dev}/objects/roles`, { token: root })).status).toBe(404);
  });

  it("pages with the cluster's continue token; the page size is bounded (oversized is refused, 422)", async () => {
    for (let i = 0; i < 5; i++)
      await expectOk(
        api("POST", `${dev}/objects/configmaps`, {
          token: root,
          body: { yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: page-${i}\ndata:\n  i: "${i}"\n` },
        }),
        201,
      );
    const all = await expectOk<Page<{ name: string }>>(api("GET", `${dev}/objects/configmaps`, { token: root }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<{ name: string }> = await expectOk(
        api("GET", `${dev}/objects/configmaps?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, {
          token: root,
        }),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.items.map((i) => i.name).sort());
    for (const limit of ["201", "0", "-1", "abc", "100000"])
      expect((await api("GET", `${dev}/objects/configmaps?limit=${limit}`, { token: root })).status, limit).toBe(422);
    expect((await api("GET", `${dev}/objects/configmaps?limit=200`, { token: root })).status).toBe(200);
  });

  it("creates from YAML with a dry-run diff first; an existing name and a stale edit are 409", async () => {
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: feature-flags\ndata:\n  checkout: 'on'\n";
    const dry = await expectOk<{ dryRun: boolean; diff: { before: string; after: string } }>(
      api("POST", `${dev}/objects/configmaps?dryRun=true`, { token: root, body: { yaml } }),
      201,
    );
    expect(dry.dryRun).toBe(true);
    expect(dry.diff.before).toBe("");
    expect(dry.diff.after).toContain("checkout: on");
    expect((await api("GET", `${dev}/objects/configmaps/feature-flags`, { token: root })).status).toBe(404);

    const created = await expectOk<{ dryRun: boolean; name: string; resourceVersion: string }>(
      api("POST", `${dev}/objects/configmaps`, { token: root, body: { yaml } }),
      201,
    );
    expect(created).toMatchObject({ dryRun: false, name: "feature-flags" });
    const listed = await expectOk<Page<{ name: string }>>(api("GET", `${dev}/objects/configmaps`, { token: root }));
    expect(listed.items.map((i) => i.name)).toContain("feature-flags");
    const again = await api<Problem>("POST", `${dev}/objects/configmaps`, { token: root, body: { yaml } });
    expect(again.status).toBe(409);

    // The same validation as an edit: kind, namespace and syntax, each at its line.
    const wrongKind = await api<Problem>("POST", `${dev}/objects/configmaps`, {
      token: root,
      body: { yaml: yaml.replace("kind: ConfigMap", "kind: Secret") },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors?.[0]).toMatchObject({
      path: "body.yaml",
      message: expect.stringMatching(/^line 2: kind/),
    });
    const elsewhere = await api<Problem>("POST", `${dev}/objects/configmaps`, {
      token: root,
      body: { yaml: yaml.replace("name: feature-flags", "name: x\n  namespace: kube-system") },
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors?.[0].message).toMatch(/metadata\.namespace/);
    const broken = await api<Problem>("POST", `${dev}/objects/configmaps`, {
      token: root,
      body: { yaml: "kind: ConfigMap\nmetadata:\n  name: [x" },
    });
    expect(broken.status).toBe(422);
    expect(
      (await api("POST", `${dev}/objects/configmaps`, { token: root, body: { yaml: "a: 1\n---\nb: 2\n" } })).status,
    ).toBe(422);

    // Edit: dry run shows the change and writes nothing; the save then moves the version; the
    // first version again is stale and answers 409 with the new diff.
    const current = await expectOk<{ yaml: string; resourceVersion: string }>(
      api("GET", `${dev}/objects/configmaps/feature-flags`, { token: root }),
    );
    const edited = current.yaml.replace("checkout: on", "checkout: off");
    const preview = await expectOk<{ dryRun: boolean; diff: { before: string; after: string } }>(
      api("PUT", `${dev}/objects/configmaps/feature-flags?dryRun=true`, { token: root, body: { yaml: edited } }),
    );
    expect(preview.diff.before).toContain("checkout: on");
    expect(preview.diff.after).toContain("checkout: off");
    expect(
      (await expectOk<{ yaml: string }>(api("GET", `${dev}/objects/configmaps/feature-flags`, { token: root }))).yaml,
    ).toContain("checkout: on");
    const saved = await expectOk<{ resourceVersion: string }>(
      api("PUT", `${dev}/objects/configmaps/feature-flags`, { token: root, body: { yaml: edited } }),
    );
    expect(saved.resourceVersion).not.toBe(current.resourceVersion);
    const stale = await api<{ code: string; resourceVersion: string; diff: { after: string } }>(
      "PUT",
      `${dev}/objects/configmaps/feature-flags`,
      { token: root, body: { yaml: current.yaml.replace("checkout: on", "checkout: maybe") } },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.resourceVersion).toBe(saved.resourceVersion);
    expect(stale.body.diff.after).toContain("checkout: maybe");
    const staleDry = await api("PUT", `${dev}/objects/configmaps/feature-flags?dryRun=true`, {
      token: root,
      body: { yaml: current.yaml },
    });
    expect(staleDry.status).toBe(409);
    // Creating is a write: a reader may not, not even as a dry run.
    expect(
      (await api("POST", `${prod}/objects/configmaps?dryRun=true`, { token: users.viewer.token, body: { yaml } }))
        .status,
    ).toBe(403);
    expect(
      (await api("POST", `${prod}/objects/configmaps`, { token: users.developer.token, body: { yaml } })).status,
    ).toBe(403);
  });

  it("keeps a Secret's values when its masked YAML is saved back, and marks changed values in the diff", async () => {
    const masked = await expectOk<{ yaml: string }>(api("GET", `${dev}/objects/secrets/db`, { token: root }));
    const labelled = masked.yaml.replace("name: db", "name: db\n  labels:\n    team: shop");
    const dry = await expectOk<{ diff: { before: string; after: string } }>(
      api("PUT", `${dev}/objects/secrets/db?dryRun=true`, { token: root, body: { yaml: labelled } }),
    );
    expect(dry.diff.after).toContain("team: shop");
    expect(dry.diff.after).not.toContain("changed");
    await expectOk(api("PUT", `${dev}/objects/secrets/db`, { token: root, body: { yaml: labelled } }));
    const revealed = await expectOk<{ values: { key: string; value: string }[] }>(
      api("POST", `${dev}/objects/secrets/db/reveal`, { token: root }),
    );
    expect(revealed.values).toContainEqual({ key: "password", value: "s3cret-value", encoding: "utf-8" });

    const again = await expectOk<{ yaml: string }>(api("GET", `${dev}/objects/secrets/db`, { token: root }));
    const newValue = again.yaml.replace(/password: .*/, `password: ${Buffer.from("rotated").toString("base64")}`);
    const changed = await expectOk<{ diff: { after: string } }>(
      api("PUT", `${dev}/objects/secrets/db?dryRun=true`, { token: root, body: { yaml: newValue } }),
    );
    expect(changed.diff.after).toContain('password: "[hidden, changed]"');
    expect(changed.diff.after).toContain('user: "[hidden]"');
    expect(changed.diff.after).not.toContain(Buffer.from("rotated").toString("base64"));
    const unknownKey = await api<Problem>("PUT", `${dev}/objects/secrets/db`, {
      token: root,
      body: { yaml: again.yaml.replace("data:", "data:\n  token: '[hidden]'") },
    });
    expect(unknownKey.status).toBe(422);
    expect(unknownKey.body.errors?.[0].message).toMatch(/data\.token/);
  });

  it("reveals a Secret to writers only, with one audit row per reveal", async () => {
    const before = (await revealAudits("db")).length;
    const op = await expectOk<{ values: { key: string; value: string; encoding: string }[] }>(
      api("POST", `${prod}/objects/secrets/db/reveal`, { token: users.operator.token }),
    );
    expect(op.values).toEqual(
      expect.arrayContaining([
        { key: "password", value: "s3cret-value", encoding: "utf-8" },
        { key: "user", value: "app", encoding: "utf-8" },
      ]),
    );
    await expectOk(api("POST", `${prod}/objects/secrets/db/reveal`, { token: root }));
    const rows = await revealAudits("db");
    expect(rows.length).toBe(before + 2);
    expect(rows.map((r) => r.actor)).toContain(users.operator.username);
    expect(rows.find((r) => r.actor === users.operator.username)?.result).toBe("success");

    // Denied: a reader, a dev in prod (dev may write only dev environments), another tenant's
    // user (404: the environment is not theirs to know).
    const denied = [
      [users.viewer.token, 403],
      [users.developer.token, 403],
      [users.outsider.token, 404],
    ] as const;
    for (const [token, status] of denied)
      expect((await api("POST", `${prod}/objects/secrets/db/reveal`, { token })).status).toBe(status);
    expect((await revealAudits("db")).length).toBe(before + 2);
    // The dev may reveal in a dev environment; the outsider's own environment has no such Secret.
    await expectOk(api("POST", `${dev}/objects/secrets/db/reveal`, { token: users.developer.token }));
    expect((await api("POST", `${otherEnv}/objects/secrets/db/reveal`, { token: users.outsider.token })).status).toBe(
      404,
    );
    // Only Secrets can be revealed, and only through this verb.
    expect((await api("POST", `${prod}/objects/configmaps/db/reveal`, { token: root })).status).toBe(404);
    expect((await api("GET", `${prod}/objects/secrets/db/reveal`, { token: root })).status).toBe(405);
  });

  it("lists events warnings first, filtered by type, object and text, in bounded pages", async () => {
    const ev = (
      name: string,
      type: string,
      kind: string,
      object: string,
      reason: string,
      message: string,
      at: string,
    ) =>
      `apiVersion: v1
kind: Event
metadata: {name: ${name}}
type: ${type}
reason: ${reason}
message: "${message}"
involvedObject: {kind: ${kind}, name: ${object}, namespace: ${devNs}}
lastTimestamp: "${at}"
count: 1
source: {component: test}
`;
    const docs = [
      ev("e1", "Normal", "Pod", "web-1", "Pulled", "Container image pulled", "2026-01-01T00:00:05Z"),
      ev("e2", "Warning", "Pod", "web-1", "BackOff", "Back-off restarting failed container", "2026-01-01T00:00:01Z"),
      ev("e3", "Warning", "Pod", "web-2", "Failed", "Failed to pull image nginx:nope", "2026-01-01T00:00:03Z"),
      ev("e4", "Normal", "Deployment", "web", "ScalingReplicaSet", "Scaled up to 2", "2026-01-01T00:00:09Z"),
      ev(
        "e5",
        "Warning",
        "Job",
        "migrate",
        "BackoffLimitExceeded",
        "Job has reached the backoff limit",
        "2026-01-01T00:00:02Z",
      ),
    ];
    await apply(devNs, docs.join("---\n"));
    type Ev = { name: string; type: string; kind: string; object: string; reason: string };
    const get = (q: string) =>
      expectOk<Page<Ev> & { warnings: number; total: number }>(api("GET", `${dev}/events?${q}`, { token: root }));
    const mine = (items: Ev[]) => items.filter((e) => /^e\d$/.test(e.name)).map((e) => e.name);

    const all = await get("limit=200");
    expect(mine(all.items)).toEqual(["e3", "e5", "e2", "e4", "e1"]);
    const firstNormal = all.items.findIndex((e) => e.type === "Normal");
    expect(all.items.slice(firstNormal).every((e) => e.type === "Normal")).toBe(true);

    const warnings = await get("type=Warning&limit=200");
    expect(warnings.items.every((e) => e.type === "Warning")).toBe(true);
    expect(mine(warnings.items)).toEqual(["e3", "e5", "e2"]);
    expect(mine((await get("kind=Pod&name=web-1")).items)).toEqual(["e2", "e1"]);
    expect(mine((await get("type=Warning&kind=Pod")).items)).toEqual(["e3", "e2"]);
    expect(mine((await get("q=PULL")).items)).toEqual(["e3", "e1"]);
    expect((await get("q=no-such-text-anywhere")).items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Ev> = await get(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(mine(seen.map((name) => ({ name }) as Ev))).toEqual(["e3", "e5", "e2", "e4", "e1"]);

    for (const bad of [
      "limit=201",
      "limit=0",
      "limit=5000",
      "type=Error",
      "cursor=bm90LWpzb24",
      "cursor=WzIsIngiLCJ5Il0",
    ])
      expect((await api("GET", `${dev}/events?${bad}`, { token: root })).status, bad).toBe(422);
    // Readers may read events; another tenant may not learn the environment exists.
    expect((await api("GET", `${prod}/events`, { token: users.viewer.token })).status).toBe(200);
    expect((await api("GET", `${prod}/events`, { token: users.outsider.token })).status).toBe(404);
  });
});
