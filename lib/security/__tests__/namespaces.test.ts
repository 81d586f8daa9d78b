import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runNamespaceCleanups } from "@/lib/clusters/reconcile/cleanup-namespaces";
import { reconcileEnvironment } from "@/lib/clusters/reconcile/reconcile-environment";
import { getDb } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { auditLogs, clusters, environments } from "@/lib/db/schema";
import { renderKubeconfig } from "@/lib/sandbox/credentials";
import { podSpecOf, podSpecViolations } from "@/lib/pod-security";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, generousQuota, person, sysadminToken } from "@/lib/testing/world";

// Class 2 of the security issue: an environment never takes over a namespace it was not given
// (reserved, existing, left behind), deletes only what Facet created, and its pods are held to
// the Pod Security level its namespace carries, by the sandbox and by Facet's own edit path.

// Kubernetes objects as the tests poke at them: deep, loosely shaped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
type Problem = { code: string; detail: string; reason?: string; errors?: { path: string; message: string }[] };
const quota = { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "10" };

let sb: Sandbox;
let root: string;
const t = uniqueName("nst");
const T = `/api/v1/tenants/${t}`;
const P = `${T}/projects/shop`;
// A cluster of its own over the sandbox's API: its policy is this suite's alone, and Facet
// reaches it over HTTP as it reaches any imported cluster.
const cluster = uniqueName("nsc");
const policyPath = `/api/v1/clusters/${cluster}/namespace-policy`;
const basePolicy = { adoptable: [], reserved: [], podSecurity: { default: {}, types: {}, tenants: {} } };

/** The sandbox's Kubernetes API, as kubectl would call it. */
async function kube(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.server.href}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sb.token}`,
      "content-type": method === "PATCH" ? "application/merge-patch+json" : "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, warning: res.headers.get("warning"), body: (await res.json().catch(() => null)) as Doc };
}
const makeNamespace = (name: string, labels: Record<string, string> = {}) =>
  kube("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
const readNamespace = async (name: string) => {
  const res = await kube("GET", `/api/v1/namespaces/${name}`);
  return res.status === 200 && !res.body.metadata.deletionTimestamp ? res.body : null;
};
const createEnv = (name: string, extra: Record<string, unknown> = {}, tenantPath = T) =>
  api<Problem & { namespace: string; namespaceCreated: boolean }>("POST", `${tenantPath}/projects/shop/environments`, {
    token: root,
    body: { name, type: "dev", cluster, quota, ...extra },
  });
async function envId(namespace: string): Promise<number> {
  const [row] = await getDb()
    .select({ id: environments.id })
    .from(environments)
    .where(eq(environments.namespace, namespace));
  return row.id;
}
async function setPolicy(change: Record<string, unknown>) {
  return expectOk(api("PUT", policyPath, { token: root, body: { ...basePolicy, ...change } }));
}
/** A tenant whose name makes generated namespaces spell a reserved one (kept if it exists). */
async function tenantNamed(name: string): Promise<string> {
  const res = await api("POST", "/api/v1/tenants", { token: root, body: { name } });
  expect([201, 409]).toContain(res.status);
  await expectOk(api("PUT", `/api/v1/tenants/${name}/quotas/${cluster}`, { token: root, body: generousQuota }));
  const project = await api("POST", `/api/v1/tenants/${name}/projects`, { token: root, body: { name: "shop" } });
  expect([201, 409]).toContain(project.status);
  return `/api/v1/tenants/${name}`;
}

const pod = (name: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, ...(annotations && { annotations }) },
  spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...spec },
});
const restrictedContainer = {
  name: "app",
  image: "nginx:1.27",
  securityContext: {
    allowPrivilegeEscalation: false,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
  },
};

/** Pod specs the baseline level forbids, each with what the refusal must name. */
const BASELINE_VIOLATIONS: [string, Record<string, unknown>, string, Record<string, string>?][] = [
  ["privileged", { containers: [{ name: "app", image: "x", securityContext: { privileged: true } }] }, "privileged"],
  [
    "privileged init container",
    {
      initContainers: [{ name: "init", image: "x", securityContext: { privileged: true } }],
      containers: [{ name: "app", image: "x" }],
    },
    'privileged (container "init"',
  ],
  [
    "privileged ephemeral container",
    {
      containers: [{ name: "app", image: "x" }],
      ephemeralContainers: [{ name: "debug", image: "x", securityContext: { privileged: true } }],
    },
    'container "debug"',
  ],
  [
    "hostPath volume",
    { containers: [{ name: "app", image: "x" }], volumes: [{ name: "root", hostPath: { path: "/" } }] },
    'hostPath volumes (volume "root")',
  ],
  [
    "hostPath of a socket",
    {
      containers: [{ name: "app", image: "x" }],
      volumes: [
        { name: "ok", emptyDir: {} },
        { name: "sock", hostPath: { path: "/var/run/docker.sock", type: "Socket" } },
      ],
    },
    '"sock"',
  ],
  [
    "hostNetwork",
    { hostNetwork: true, containers: [{ name: "app", image: "x" }] },
    "host namespaces (hostNetwork=true)",
  ],
  ["hostPID", { hostPID: true, containers: [{ name: "app", image: "x" }] }, "hostPID=true"],
  [
    "hostIPC and hostNetwork",
    { hostIPC: true, hostNetwork: true, containers: [{ name: "app", image: "x" }] },
    "hostNetwork=true, hostIPC=true",
  ],
  ["hostPort", { containers: [{ name: "app", image: "x", ports: [{ containerPort: 80, hostPort: 80 }] }] }, "hostPort"],
  [
    "SYS_ADMIN capability",
    { containers: [{ name: "app", image: "x", securityContext: { capabilities: { add: ["SYS_ADMIN"] } } }] },
    '"SYS_ADMIN"',
  ],
  [
    "NET_RAW among allowed capabilities",
    { containers: [{ name: "app", image: "x", securityContext: { capabilities: { add: ["CHOWN", "NET_RAW"] } } }] },
    '"NET_RAW"',
  ],
  [
    "unconfined seccomp on the pod",
    { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [{ name: "app", image: "x" }] },
    "seccompProfile",
  ],
  [
    "unmasked /proc",
    { containers: [{ name: "app", image: "x", securityContext: { procMount: "Unmasked" } }] },
    "procMount",
  ],
  [
    "unsafe sysctl",
    {
      securityContext: { sysctls: [{ name: "kernel.msgmax", value: "1" }] },
      containers: [{ name: "app", image: "x" }],
    },
    "forbidden sysctls (kernel.msgmax)",
  ],
  [
    "Windows hostProcess",
    { securityContext: { windowsOptions: { hostProcess: true } }, containers: [{ name: "app", image: "x" }] },
    "hostProcess",
  ],
  [
    "SELinux user",
    { containers: [{ name: "app", image: "x", securityContext: { seLinuxOptions: { user: "system_u" } } }] },
    "seLinuxOptions",
  ],
  [
    "unconfined AppArmor annotation",
    { containers: [{ name: "app", image: "x" }] },
    "AppArmor",
    { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" },
  ],
];

const savedLoopback = process.env.FACET_EGRESS_ALLOW_LOOPBACK;
beforeAll(async () => {
  process.env.FACET_EGRESS_ALLOW_LOOPBACK = "1";
  sb = await startSandbox();
  root = await sysadminToken();
  await getDb()
    .insert(clusters)
    .values({
      name: cluster,
      kind: "imported",
      server: sb.server.origin,
      kubeconfig: seal(renderKubeconfig({ origin: sb.server.origin, token: sb.token })),
    });
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
  await expectOk(api("PUT", `${T}/quotas/${cluster}`, { token: root, body: generousQuota }));
  await expectOk(api("PUT", `${T}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `${T}/projects`, { token: root, body: { name: "shop" } }), 201);
}, 60_000);
afterAll(async () => {
  process.env.FACET_EGRESS_ALLOW_LOOPBACK = savedLoopback;
  await sb?.close();
});

describe("namespaces an environment may not take", () => {
  it("refuses reserved names with 422 naming the rule, and touches nothing", async () => {
    await setPolicy({ reserved: [`${t}-vault`, "corp-*"] });
    for (const ns of [
      "kube-system",
      "kube-public",
      "kube-node-lease",
      "kube-x",
      "default",
      "facet-logging",
      "facet-system",
      "facet-x-y",
      `${t}-vault`,
      "corp-billing",
    ]) {
      const res = await createEnv(uniqueName("r").slice(0, 20), { namespace: ns });
      expect(res.status, ns).toBe(422);
      expect(res.body.errors?.[0].path, ns).toBe("body.namespace");
      expect(res.body.detail, ns).toMatch(/reserved \((kube-\*|default|facet-\*|.*-vault|corp-\*)\)/);
      expect(await getDb().select().from(environments).where(eq(environments.namespace, ns))).toHaveLength(0);
    }
    const kubeSystem = await readNamespace("kube-system");
    expect(kubeSystem?.metadata.labels?.["facet.dev/tenant"]).toBeUndefined();
  });

  it("refuses spellings that only look different (case, unicode dashes, padding, encodings) before anything else", async () => {
    for (const ns of [
      "KUBE-SYSTEM",
      "Default",
      "kube‐system",
      "kube–public",
      "ｄｅｆａｕｌｔ",
      " default",
      "default ",
      "kube-system\u0000",
      "kube%2Dsystem",
      "kube_system",
      "facet-logging.",
      "",
      "-default",
    ]) {
      const res = await createEnv(uniqueName("u").slice(0, 20), { namespace: ns });
      expect(res.status, JSON.stringify(ns)).toBe(422);
      expect(res.body.errors?.[0].path, JSON.stringify(ns)).toBe("body.namespace");
    }
  });

  it("refuses generated names that spell a reserved namespace, checking every candidate", async () => {
    // Tenant "kube", environment "public": kube-public, then kube-shop-public, then a random
    // kube-shop-public-xxxxxx: all reserved, so the caller must name a namespace.
    const kube = await tenantNamed("kube");
    const res = await createEnv("public", {}, kube);
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain("'kube-public' is reserved (kube-*)");
    expect(res.body.errors?.[0].path).toBe("body.namespace");
    const facet = await tenantNamed("facet");
    const logging = await createEnv("logging", {}, facet);
    expect(logging.status).toBe(422);
    expect(logging.body.detail).toContain("'facet-logging' is reserved (facet-*)");
    // A sysadmin-reserved name is skipped for the next free candidate.
    await setPolicy({ reserved: [`${t}-web`] });
    const web = await expectOk<{ namespace: string }>(createEnv("web"), 201);
    expect(web.namespace).toBe(`${t}-shop-web`);
  });

  it("refuses an existing namespace Facet did not create with 409, whatever labels it carries", async () => {
    const plain = uniqueName("hand");
    const forged = uniqueName("forged");
    expect((await makeNamespace(plain)).status).toBe(201);
    expect(
      (
        await makeNamespace(forged, {
          "app.kubernetes.io/managed-by": "facet",
          "facet.dev/tenant": t,
          "facet.dev/environment": "x",
        })
      ).status,
    ).toBe(201);
    // Through the imported cluster's API, and on the built-in sandbox cluster (read in-process).
    for (const [ns, on] of [
      [plain, cluster],
      [forged, cluster],
      [plain, "sandbox"],
      [forged, "sandbox"],
    ]) {
      const res = await createEnv(uniqueName("ex").slice(0, 20), { namespace: ns, cluster: on });
      expect(res.status, ns).toBe(409);
      expect(res.body.detail, ns).toMatch(
        /already exists on cluster '.+' and Facet did not create it; a sysadmin must allow adopting it/,
      );
      expect(res.body.reason).toBe("namespace-exists");
    }
    expect((await readNamespace(plain))?.metadata.labels?.["facet.dev/tenant"]).toBeUndefined();
  });

  it("a named namespace on a cluster that does not answer is 502, never assumed free", async () => {
    const dead = uniqueName("dead");
    const [{ id }] = await getDb()
      .insert(clusters)
      .values({
        name: dead,
        kind: "imported",
        server: "http://127.0.0.1:9",
        kubeconfig: seal(renderKubeconfig({ origin: "http://127.0.0.1:9", token: "fsb_nothing" })),
      })
      .$returningId();
    await expectOk(api("PUT", `${T}/quotas/${dead}`, { token: root, body: generousQuota }));
    const res = await createEnv("on-dead", { cluster: dead, namespace: uniqueName("x") });
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain(dead);
    expect(await getDb().select().from(environments).where(eq(environments.clusterId, id))).toHaveLength(0);
  });

  it("a generated name that exists on the cluster is skipped, not adopted", async () => {
    expect((await makeNamespace(`${t}-api`)).status).toBe(201);
    const env = await expectOk<{ namespace: string; namespaceCreated: boolean }>(createEnv("api"), 201);
    expect(env).toMatchObject({ namespace: `${t}-shop-api`, namespaceCreated: true });
  });

  it("refuses the namespace of a deleted environment while its cleanup is pending, and after it was left behind", async () => {
    const keep = await expectOk<{ namespace: string }>(createEnv("keep", { deletePolicy: "remove-labels" }), 201);
    await reconcileEnvironment(await envId(keep.namespace));
    expect(await readNamespace(keep.namespace)).not.toBeNull();
    expect((await api("DELETE", `${P}/environments/keep`, { token: root })).status).toBe(204);
    const pending = await createEnv("keep2", { namespace: keep.namespace });
    expect(pending.status).toBe(409);
    expect(pending.body.detail).toContain("still being cleaned up");
    // Cleanup done and forgotten: the namespace stays, unlabelled, and is still not free.
    await runNamespaceCleanups(Date.now() + 3_600_000);
    const left = await readNamespace(keep.namespace);
    expect(left?.metadata.labels?.["app.kubernetes.io/managed-by"]).toBeUndefined();
    const later = await createEnv("keep3", { namespace: keep.namespace });
    expect(later.status).toBe(409);
    expect(later.body.reason).toBe("namespace-exists");
  });
});

describe("adoption a sysadmin allowed", () => {
  it("only a sysadmin sets the policy; reserved names can never be made adoptable; changes are audited", async () => {
    const tenantAdmin = await person("tadm");
    await expectOk(
      api("POST", `${T}/members`, { token: root, body: { username: tenantAdmin.username, role: "admin" } }),
      201,
    );
    const denied = await api("PUT", policyPath, {
      token: tenantAdmin.token,
      body: { ...basePolicy, adoptable: ["kube-system"] },
    });
    expect([403, 404]).toContain(denied.status);
    for (const ns of ["kube-system", "default", "facet-logging", "corp-x"]) {
      const res = await api<Problem>("PUT", policyPath, {
        token: root,
        body: { ...basePolicy, reserved: ["corp-*"], adoptable: ["fine", ns] },
      });
      expect(res.status, ns).toBe(422);
      expect(res.body.errors?.[0].path).toBe("body.adoptable.1");
    }
    const bad = await api("PUT", policyPath, {
      token: root,
      body: { ...basePolicy, podSecurity: { default: { enforce: "none" } } },
    });
    expect(bad.status).toBe(422);
    const ns = uniqueName("legacy");
    await setPolicy({ adoptable: [ns] });
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "clusters.namespace-policy.set"), eq(auditLogs.target, `cluster/${cluster}`)));
    expect(audit.some((a) => JSON.stringify(a.diff).includes(ns))).toBe(true);
  });

  it("adopts an allowed existing namespace, labels it, and on delete leaves it with only Facet's labels and objects removed", async () => {
    const ns = uniqueName("legacy");
    await setPolicy({ adoptable: [ns] });
    expect((await makeNamespace(ns, { team: "payments" })).status).toBe(201);
    expect(
      (
        await kube("POST", `/api/v1/namespaces/${ns}/configmaps`, {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "theirs" },
          data: { a: "1" },
        })
      ).status,
    ).toBe(201);
    const env = await expectOk<{ namespace: string; namespaceCreated: boolean }>(
      createEnv("legacy", { namespace: ns }),
      201,
    );
    expect(env).toMatchObject({ namespace: ns, namespaceCreated: false });
    await expectOk(
      api("POST", `${P}/environments/legacy/applications`, {
        token: root,
        body: { name: "web", image: "nginx:1.27", replicas: 0, ports: [{ name: "http", port: 80 }] },
      }),
      201,
    );
    const report = await reconcileEnvironment(await envId(ns));
    expect(report?.status, report?.error ?? "").toBe("synced");
    const adopted = await readNamespace(ns);
    expect(adopted?.metadata.labels).toMatchObject({
      team: "payments",
      "facet.dev/tenant": t,
      "pod-security.kubernetes.io/enforce": "baseline",
    });
    expect((await kube("GET", `/api/v1/namespaces/${ns}/resourcequotas/facet-quota`)).status).toBe(200);
    expect((await kube("GET", `/apis/apps/v1/namespaces/${ns}/deployments/web`)).status).toBe(200);

    // Even asked to delete the namespace, Facet only releases one it adopted.
    await expectOk(
      api("PATCH", `${P}/environments/legacy`, { token: root, body: { deletePolicy: "delete-namespace" } }),
    );
    expect((await api("DELETE", `${P}/environments/legacy`, { token: root })).status).toBe(204);
    await runNamespaceCleanups();
    const released = await readNamespace(ns);
    expect(released).not.toBeNull();
    expect(released!.metadata.labels).toEqual(expect.objectContaining({ team: "payments" }));
    for (const key of Object.keys(released!.metadata.labels ?? {}))
      expect(key, key).not.toMatch(/^(facet\.dev\/|app\.kubernetes\.io\/managed-by|pod-security\.kubernetes\.io\/)/);
    expect((await kube("GET", `/api/v1/namespaces/${ns}/resourcequotas/facet-quota`)).status).toBe(404);
    expect((await kube("GET", `/api/v1/namespaces/${ns}/limitranges/facet-limits`)).status).toBe(404);
    expect((await kube("GET", `/apis/apps/v1/namespaces/${ns}/deployments/web`)).status).toBe(404);
    expect((await kube("GET", `/api/v1/namespaces/${ns}/services/web`)).status).toBe(404);
    expect((await kube("GET", `/api/v1/namespaces/${ns}/configmaps/theirs`)).status).toBe(200);
  });

  it("deletes a namespace Facet created, and never one that appeared in its place before the first sync", async () => {
    const own = await expectOk<{ namespace: string; namespaceCreated: boolean }>(createEnv("own"), 201);
    expect(own.namespaceCreated).toBe(true);
    await reconcileEnvironment(await envId(own.namespace));
    expect(await readNamespace(own.namespace)).not.toBeNull();
    expect((await api("DELETE", `${P}/environments/own`, { token: root })).status).toBe(204);
    await runNamespaceCleanups();
    expect(await readNamespace(own.namespace)).toBeNull();

    // Created between the environment and its first sync: Facet stops rather than take it over.
    const race = await expectOk<{ namespace: string }>(createEnv("race"), 201);
    expect((await makeNamespace(race.namespace, { owner: "someone" })).status).toBe(201);
    const report = await reconcileEnvironment(await envId(race.namespace));
    expect(report?.status).toBe("error");
    expect(report?.error).toContain("Facet did not create it");
    expect((await readNamespace(race.namespace))?.metadata.labels?.["facet.dev/tenant"]).toBeUndefined();
    expect((await api("DELETE", `${P}/environments/race`, { token: root })).status).toBe(204);
    await runNamespaceCleanups();
    expect(await readNamespace(race.namespace)).not.toBeNull();
  });
});

describe("Pod Security levels", () => {
  it("labels every namespace Facet manages: baseline enforced, restricted warned and audited, overridable per type and tenant", async () => {
    await setPolicy({ podSecurity: { default: {}, types: { prod: { enforce: "restricted" } }, tenants: {} } });
    const dev = await expectOk<{ namespace: string }>(createEnv("psa-dev"), 201);
    const prod = await expectOk<{ namespace: string }>(createEnv("psa-prod", { type: "prod" }), 201);
    await reconcileEnvironment(await envId(dev.namespace));
    await reconcileEnvironment(await envId(prod.namespace));
    expect((await readNamespace(dev.namespace))?.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/enforce-version": "latest",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/warn-version": "latest",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/audit-version": "latest",
    });
    expect((await readNamespace(prod.namespace))?.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe(
      "restricted",
    );
    // The tenant's override wins over the type's; a label removed by hand comes back.
    await setPolicy({
      podSecurity: {
        default: {},
        types: { prod: { enforce: "restricted" } },
        tenants: { [t]: { enforce: "baseline", warn: "baseline" } },
      },
    });
    await kube("PATCH", `/api/v1/namespaces/${prod.namespace}`, {
      metadata: { labels: { "pod-security.kubernetes.io/enforce": null } },
    });
    await reconcileEnvironment(await envId(prod.namespace));
    expect((await readNamespace(prod.namespace))?.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/warn": "baseline",
      "pod-security.kubernetes.io/audit": "restricted",
    });
  });

  it("the sandbox refuses each baseline violation with kube-apiserver's 403, in baseline and restricted namespaces", async () => {
    const base = uniqueName("psb");
    const strict = uniqueName("psr");
    await makeNamespace(base, { "pod-security.kubernetes.io/enforce": "baseline" });
    await makeNamespace(strict, { "pod-security.kubernetes.io/enforce": "restricted" });
    for (const ns of [base, strict]) {
      const level = ns === base ? "baseline" : "restricted";
      for (const [what, spec, named, annotations] of BASELINE_VIOLATIONS) {
        const res = await kube("POST", `/api/v1/namespaces/${ns}/pods`, pod("bad", spec, annotations));
        expect(res.status, `${level}: ${what}`).toBe(403);
        expect(res.body, what).toMatchObject({ kind: "Status", status: "Failure", reason: "Forbidden", code: 403 });
        expect(res.body.message, what).toMatch(
          new RegExp(`^pods "bad" is forbidden: violates PodSecurity "${level}:latest": `),
        );
        expect(res.body.message, what).toContain(named);
      }
    }
    expect((await kube("GET", `/api/v1/namespaces/${base}/pods`)).body.items).toHaveLength(0);
    // What baseline allows passes there; restricted wants more.
    expect((await kube("POST", `/api/v1/namespaces/${base}/pods`, pod("plain"))).status).toBe(201);
    const rootPod = await kube("POST", `/api/v1/namespaces/${strict}/pods`, pod("plain"));
    expect(rootPod.status).toBe(403);
    expect(rootPod.body.message).toContain(
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false',
    );
    expect(rootPod.body.message).toContain("runAsNonRoot != true");
    const nfs = await kube(
      "POST",
      `/api/v1/namespaces/${strict}/pods`,
      pod("nfs", {
        containers: [restrictedContainer],
        volumes: [{ name: "share", nfs: { server: "10.0.0.1", path: "/" } }],
      }),
    );
    expect(nfs.body.message).toContain('volume "share" uses restricted volume type "nfs"');
    const uid0 = await kube(
      "POST",
      `/api/v1/namespaces/${strict}/pods`,
      pod("uid0", {
        containers: [
          { ...restrictedContainer, securityContext: { ...restrictedContainer.securityContext, runAsUser: 0 } },
        ],
      }),
    );
    expect(uid0.body.message).toContain("runAsUser=0");
    expect(
      (await kube("POST", `/api/v1/namespaces/${strict}/pods`, pod("fine", { containers: [restrictedContainer] })))
        .status,
    ).toBe(201);
  });

  it("the sandbox accepts workloads whose template breaks the level with kube-apiserver's warning, and refuses their pods", async () => {
    const ns = uniqueName("pst");
    await makeNamespace(ns, {
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/warn": "restricted",
    });
    const template = (spec: Doc) => ({ metadata: { labels: { app: "t" } }, spec });
    const kinds: [string, string, Doc][] = [
      [
        "/apis/apps/v1",
        "deployments",
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "d" },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: "t" } },
            template: template({
              hostNetwork: true,
              securityContext: { sysctls: [{ name: "kérnel.sém", value: "1" }] },
              containers: [{ name: "app", image: "x" }],
            }),
          },
        },
      ],
      [
        "/apis/apps/v1",
        "statefulsets",
        {
          apiVersion: "apps/v1",
          kind: "StatefulSet",
          metadata: { name: "s" },
          spec: {
            serviceName: "s",
            selector: { matchLabels: { app: "t" } },
            template: template({ containers: [{ name: "app", image: "x", securityContext: { privileged: true } }] }),
          },
        },
      ],
    ];
    for (const [group, resource, object] of kinds) {
      const res = await kube("POST", `${group}/namespaces/${ns}/${resource}`, object);
      expect(res.status, resource).toBe(201);
      expect(res.warning, resource).toMatch(/^299 - "would violate PodSecurity \\"restricted:latest\\": /);
    }
    const plain = await kube("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "plain" },
      spec: {
        selector: { matchLabels: { app: "p" } },
        template: { metadata: { labels: { app: "p" } }, spec: { containers: [restrictedContainer] } },
      },
    });
    expect(plain.warning).toBeNull();
    // The controllers' pods for the violating templates are refused; the compliant one runs.
    const refused = await eventually(
      async () => {
        const events = (await kube("GET", `/api/v1/namespaces/${ns}/events`)).body.items as Doc[];
        return events.find(
          (e) => e.reason === "FailedCreate" && /violates PodSecurity "baseline:latest"/.test(e.message),
        );
      },
      20_000,
      "FailedCreate event",
    );
    expect(refused.message).toMatch(/host namespaces \(hostNetwork=true\)|privileged/);
    const pods = await eventually(
      async () => {
        const items = (await kube("GET", `/api/v1/namespaces/${ns}/pods`)).body.items as Doc[];
        return items.length > 0 && items;
      },
      20_000,
      "the compliant pod",
    );
    expect(pods.every((p) => (p.metadata.name as string).startsWith("plain-"))).toBe(true);
  });

  it("the sandbox leaves unlabelled namespaces privileged, as kube-apiserver does, and refuses an update that breaks the level", async () => {
    const open = uniqueName("psp");
    await makeNamespace(open);
    expect((await kube("POST", `/api/v1/namespaces/${open}/pods`, pod("priv", BASELINE_VIOLATIONS[0][1]))).status).toBe(
      201,
    );
    const base = uniqueName("psu");
    await makeNamespace(base, { "pod-security.kubernetes.io/enforce": "baseline" });
    const created = await kube("POST", `/api/v1/namespaces/${base}/pods`, pod("p"));
    expect(created.status).toBe(201);
    const patched = await kube("PATCH", `/api/v1/namespaces/${base}/pods/p`, {
      spec: { containers: [{ name: "app", image: "nginx:1.27", securityContext: { privileged: true } }] },
    });
    expect(patched.status).toBe(403);
    expect(patched.body.message).toContain('violates PodSecurity "baseline:latest"');
  });

  it("pods Facet renders pass the default level: an application's pods run in a baseline namespace", async () => {
    await setPolicy({});
    const env = await expectOk<{ namespace: string }>(createEnv("apps"), 201);
    await expectOk(
      api("POST", `${P}/environments/apps/applications`, {
        token: root,
        body: { name: "web", image: "nginx:1.27", ports: [{ name: "http", port: 80 }] },
      }),
      201,
    );
    const report = await reconcileEnvironment(await envId(env.namespace));
    expect(report?.status, report?.error ?? "").toBe("synced");
    const deployment = await kube("GET", `/apis/apps/v1/namespaces/${env.namespace}/deployments/web`);
    expect(podSpecViolations("baseline", deployment.body.spec.template.spec)).toEqual([]);
  });

  it("Facet's own edit path refuses, before sending, pods and pod templates the environment's level forbids", async () => {
    await setPolicy({ podSecurity: { default: {}, types: { test: { enforce: "restricted" } }, tenants: {} } });
    const dev = await expectOk<{ namespace: string }>(createEnv("edit-dev"), 201);
    const test = await expectOk<{ namespace: string }>(createEnv("edit-test", { type: "test" }), 201);
    await reconcileEnvironment(await envId(dev.namespace));
    await reconcileEnvironment(await envId(test.namespace));
    expect((await kube("POST", `/api/v1/namespaces/${dev.namespace}/pods`, pod("edited"))).status).toBe(201);
    const deploymentOf = (ns: string, containers: unknown[]) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "tool", namespace: ns },
      spec: {
        selector: { matchLabels: { app: "tool" } },
        template: { metadata: { labels: { app: "tool" } }, spec: { containers } },
      },
    });
    expect(
      (
        await kube(
          "POST",
          `/apis/apps/v1/namespaces/${dev.namespace}/deployments`,
          deploymentOf(dev.namespace, [{ name: "app", image: "nginx:1.27" }]),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await kube(
          "POST",
          `/apis/apps/v1/namespaces/${test.namespace}/deployments`,
          deploymentOf(test.namespace, [restrictedContainer]),
        )
      ).status,
    ).toBe(201);

    const edit = async (env: string, resource: string, name: string, change: (o: Doc) => void) => {
      const current = await expectOk<{ yaml: string; resourceVersion: string }>(
        api("GET", `${P}/environments/${env}/objects/${resource}/${name}`, { token: root }),
      );
      const object = parse(current.yaml);
      change(object);
      const res = await api<Problem>("PUT", `${P}/environments/${env}/objects/${resource}/${name}`, {
        token: root,
        body: { yaml: stringify(object) },
      });
      // What the cluster holds still complies (status writes move resourceVersion on their own).
      const after = parse(
        (
          await expectOk<{ yaml: string }>(
            api("GET", `${P}/environments/${env}/objects/${resource}/${name}`, { token: root }),
          )
        ).yaml,
      );
      const held = podSpecOf(after)!;
      const level = env === "edit-dev" ? "baseline" : "restricted";
      return { res, unchanged: podSpecViolations(level, held.spec, held.annotations).length === 0 };
    };
    // Pods: every baseline violation, each in place of the pod's own spec where Kubernetes would allow it.
    for (const [what, spec, named, annotations] of BASELINE_VIOLATIONS) {
      const { res, unchanged } = await edit("edit-dev", "pods", "edited", (o) => {
        Object.assign(o.spec, spec);
        if (annotations) o.metadata.annotations = { ...o.metadata.annotations, ...annotations };
      });
      expect(res.status, what).toBe(422);
      expect(res.body.detail, what).toContain('violates PodSecurity "baseline:latest"');
      expect(JSON.stringify(res.body.errors), what).toContain(named.replace(/"/g, '\\"'));
      expect(unchanged, what).toBe(true);
    }
    // Templates: hidden in the Deployment's pod template, in init containers, next to good ones.
    for (const [what, change] of [
      ["privileged template", (o: Doc) => (o.spec.template.spec.containers[0].securityContext = { privileged: true })],
      ["hostNetwork template", (o: Doc) => (o.spec.template.spec.hostNetwork = true)],
      ["hostPath template", (o: Doc) => (o.spec.template.spec.volumes = [{ name: "etc", hostPath: { path: "/etc" } }])],
      [
        "privileged init container",
        (o: Doc) =>
          (o.spec.template.spec.initContainers = [
            { name: "init", image: "busybox", securityContext: { privileged: true } },
          ]),
      ],
    ] as const) {
      const { res, unchanged } = await edit("edit-dev", "deployments", "tool", change);
      expect(res.status, what).toBe(422);
      expect(res.body.detail, what).toContain('violates PodSecurity "baseline:latest"');
      expect(unchanged, what).toBe(true);
    }
    // The restricted environment holds edits to restricted; a compliant edit still goes through.
    const escalate = await edit(
      "edit-test",
      "deployments",
      "tool",
      (o) => delete o.spec.template.spec.containers[0].securityContext.runAsNonRoot,
    );
    expect(escalate.res.status).toBe(422);
    expect(escalate.res.body.detail).toContain('violates PodSecurity "restricted:latest": runAsNonRoot != true');
    // Controllers write status meanwhile: a stale read is the cluster's 409, so read again.
    const fine = await eventually(
      async () => {
        const attempt = await edit("edit-test", "deployments", "tool", (o) => (o.metadata.labels = { team: "tools" }));
        return attempt.res.status !== 409 && attempt;
      },
      15_000,
      "a compliant deployment edit",
    );
    expect(fine.res.status, JSON.stringify(fine.res.body)).toBe(200);
    const fineDev = await eventually(
      async () => {
        const attempt = await edit("edit-dev", "pods", "edited", (o) => (o.metadata.labels = { team: "tools" }));
        return attempt.res.status !== 409 && attempt;
      },
      15_000,
      "a compliant pod edit",
    );
    expect(fineDev.res.status, JSON.stringify(fineDev.res.body)).toBe(200);
  });
});
