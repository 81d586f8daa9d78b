import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";

// The sandbox driven by @kubernetes/client-node 1.4, as Facet's cluster layer uses it.

let sandbox: Sandbox;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

function apiError(error: unknown): { code: number; status: Record<string, unknown> } {
  expect(error).toBeInstanceOf(k8s.ApiException);
  const e = error as k8s.ApiException<string>;
  return { code: e.code, status: JSON.parse(e.body) as Record<string, unknown> };
}

async function namespace(prefix: string): Promise<string> {
  const name = uniqueNamespace(prefix);
  await core.createNamespace({ body: { metadata: { name } } });
  return name;
}

const deployment = (name: string, replicas = 1): k8s.V1Deployment => ({
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
  },
});

beforeAll(async () => {
  sandbox = await startSandbox();
  kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "sandbox", server: sandbox.server.toString(), skipTLSVerify: true }],
    users: [{ name: "u", token: sandbox.token }],
    contexts: [{ name: "ctx", cluster: "sandbox", user: "u" }],
    currentContext: "ctx",
  });
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
});

afterAll(async () => sandbox.close());

describe("sandbox API with @kubernetes/client-node", () => {
  it("creates, reads, updates and deletes, with Kubernetes metadata and Status errors", async () => {
    const ns = await namespace("crud");
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: "settings" }, data: { a: "1" } },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);

    const read = await core.readNamespacedConfigMap({ name: "settings", namespace: ns });
    expect(read.data).toEqual({ a: "1" });
    const updated = await core.replaceNamespacedConfigMap({
      name: "settings",
      namespace: ns,
      body: { ...read, data: { a: "2" } },
    });
    expect(updated.data).toEqual({ a: "2" });
    expect(Number(updated.metadata!.resourceVersion)).toBeGreaterThan(Number(read.metadata!.resourceVersion));

    const duplicate = await core
      .createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "settings" } } })
      .catch((e: unknown) => e);
    expect(apiError(duplicate)).toMatchObject({
      code: 409,
      status: {
        kind: "Status",
        status: "Failure",
        reason: "AlreadyExists",
        message: 'configmaps "settings" already exists',
        details: { name: "settings", kind: "configmaps" },
      },
    });

    await core.deleteNamespacedConfigMap({ name: "settings", namespace: ns });
    const missing = await core.readNamespacedConfigMap({ name: "settings", namespace: ns }).catch((e: unknown) => e);
    expect(apiError(missing)).toMatchObject({
      code: 404,
      status: { reason: "NotFound", message: 'configmaps "settings" not found' },
    });
  });

  it("lists with label selectors, field selectors and limit/continue", async () => {
    const ns = await namespace("list");
    const specs: [string, Record<string, string>][] = [
      ["a", { app: "web", tier: "front" }],
      ["b", { app: "web", tier: "back" }],
      ["c", { app: "db" }],
    ];
    for (const [name, labels] of specs)
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels } } });
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await core.listNamespacedConfigMap({ namespace: ns, labelSelector, fieldSelector })).items
        .map((i) => i.metadata!.name)
        .filter((n) => n !== "kube-root-ca.crt");
    expect(await names("app=web")).toEqual(["a", "b"]);
    expect(await names("app==web,tier!=back")).toEqual(["a"]);
    expect(await names("tier in (front,back)")).toEqual(["a", "b"]);
    expect(await names("tier notin (front)")).toEqual(["b", "c"]);
    expect(await names("tier")).toEqual(["a", "b"]);
    expect(await names("!tier")).toEqual(["c"]);
    expect(await names(undefined, "metadata.name=b")).toEqual(["b"]);
    expect(await names(undefined, "metadata.namespace!=" + ns)).toEqual([]);

    const first = await core.listNamespacedConfigMap({ namespace: ns, limit: 2 });
    expect(first.items.map((i) => i.metadata!.name)).toEqual(["a", "b"]);
    expect(first.metadata?._continue).toBeTruthy();
    const rest = await core.listNamespacedConfigMap({ namespace: ns, limit: 2, _continue: first.metadata!._continue });
    expect(rest.items.map((i) => i.metadata!.name)).toEqual(["c"]);
    expect(rest.metadata?._continue).toBeFalsy();

    const bad = await core
      .listNamespacedConfigMap({ namespace: ns, labelSelector: "app in (web" })
      .catch((e: unknown) => e);
    expect(apiError(bad)).toMatchObject({ code: 400, status: { reason: "BadRequest" } });
  });

  it("refuses an update from a stale resourceVersion with 409 Conflict", async () => {
    const ns = await namespace("conflict");
    await apps.createNamespacedDeployment({ namespace: ns, body: deployment("web") });
    const stale = await apps.readNamespacedDeployment({ name: "web", namespace: ns });
    await apps.patchNamespacedDeployment(
      { name: "web", namespace: ns, body: { metadata: { labels: { touched: "yes" } } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
    );
    const error = await apps
      .replaceNamespacedDeployment({
        name: "web",
        namespace: ns,
        body: { ...stale, spec: { ...stale.spec!, replicas: 2 } },
      })
      .catch((e: unknown) => e);
    expect(apiError(error)).toMatchObject({
      code: 409,
      status: {
        reason: "Conflict",
        message:
          'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
        details: { name: "web", group: "apps", kind: "deployments" },
      },
    });
  });

  it("delivers watch events from a resourceVersion", async () => {
    const ns = await namespace("watch");
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    const events: { type: string; name?: string }[] = [];
    const watcher = await new k8s.Watch(kc).watch(
      `/api/v1/namespaces/${ns}/configmaps`,
      { resourceVersion: list.metadata!.resourceVersion, labelSelector: "watched=yes" },
      (type, object: k8s.V1ConfigMap) => events.push({ type, name: object.metadata?.name }),
      () => undefined,
    );
    try {
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "ignored" } } });
      await core.createNamespacedConfigMap({
        namespace: ns,
        body: { metadata: { name: "seen", labels: { watched: "yes" } } },
      });
      await core.patchNamespacedConfigMap(
        { name: "seen", namespace: ns, body: { data: { x: "1" } } },
        k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
      );
      await core.deleteNamespacedConfigMap({ name: "seen", namespace: ns });
      await eventually(async () => events.length >= 3, 10_000, "three watch events");
      expect(events).toEqual([
        { type: "ADDED", name: "seen" },
        { type: "MODIFIED", name: "seen" },
        { type: "DELETED", name: "seen" },
      ]);
    } finally {
      watcher.abort();
    }
  });

  it("scales a Deployment through the scale subresource", async () => {
    const ns = await namespace("scale");
    await apps.createNamespacedDeployment({ namespace: ns, body: deployment("web") });
    const scale = await apps.readNamespacedDeploymentScale({ name: "web", namespace: ns });
    expect(scale).toMatchObject({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      spec: { replicas: 1 },
      status: { selector: "app=web" },
    });
    const replaced = await apps.replaceNamespacedDeploymentScale({
      name: "web",
      namespace: ns,
      body: { ...scale, spec: { replicas: 3 } },
    });
    expect(replaced.spec?.replicas).toBe(3);
    expect((await apps.readNamespacedDeployment({ name: "web", namespace: ns })).spec?.replicas).toBe(3);
    await apps.patchNamespacedDeploymentScale(
      { name: "web", namespace: ns, body: { spec: { replicas: 0 } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
    );
    expect((await apps.readNamespacedDeployment({ name: "web", namespace: ns })).spec?.replicas).toBe(0);
  });

  it("merges strategic patches by container name and bumps generation only on spec changes", async () => {
    const ns = await namespace("smp");
    const body = deployment("web");
    body.spec!.template.spec!.containers.push({ name: "side", image: "busybox" });
    const created = await apps.createNamespacedDeployment({ namespace: ns, body });
    expect(created.metadata?.generation).toBe(1);
    const labelled = await apps.patchNamespacedDeployment(
      { name: "web", namespace: ns, body: { metadata: { labels: { team: "a" } } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(labelled.metadata?.generation).toBe(1);
    const patched = await apps.patchNamespacedDeployment(
      {
        name: "web",
        namespace: ns,
        body: { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.28" }] } } } },
      },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(patched.spec?.template.spec?.containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      "web=nginx:1.28",
      "side=busybox",
    ]);
    expect(patched.metadata?.generation).toBe(2);
  });

  it("keeps objects with finalizers until the finalizers are removed", async () => {
    const ns = await namespace("final");
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: "held", finalizers: ["example.com/hold"] } },
    });
    await core.deleteNamespacedConfigMap({ name: "held", namespace: ns });
    const terminating = await core.readNamespacedConfigMap({ name: "held", namespace: ns });
    expect(terminating.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    await core.patchNamespacedConfigMap(
      { name: "held", namespace: ns, body: [{ op: "remove", path: "/metadata/finalizers" }] },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.JsonPatch),
    );
    const gone = await core.readNamespacedConfigMap({ name: "held", namespace: ns }).catch((e: unknown) => e);
    expect(apiError(gone).code).toBe(404);
  });

  it("deletes everything in a namespace with it", async () => {
    const ns = await namespace("nsdel");
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "c" } } });
    await apps.createNamespacedDeployment({ namespace: ns, body: deployment("web") });
    await core.deleteNamespace({ name: ns });
    await eventually(
      async () => (await core.readNamespace({ name: ns }).catch((e: unknown) => e)) instanceof k8s.ApiException,
      10_000,
      "namespace gone",
    );
    expect((await core.listConfigMapForAllNamespaces({ fieldSelector: `metadata.namespace=${ns}` })).items).toEqual([]);
    expect((await apps.listDeploymentForAllNamespaces({ fieldSelector: `metadata.namespace=${ns}` })).items).toEqual(
      [],
    );
  });

  it("serves custom resources once their CRD is created, and KubernetesObjectApi can apply them", async () => {
    const ns = await namespace("crd");
    const ext = kc.makeApiClient(k8s.ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({
      body: {
        metadata: { name: "tenants.facet.example" },
        spec: {
          group: "facet.example",
          scope: "Cluster",
          names: { plural: "tenants", singular: "tenant", kind: "Tenant", shortNames: ["tn"] },
          versions: [
            {
              name: "v1alpha1",
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: "object", x_kubernetes_preserve_unknown_fields: true } },
            },
          ],
        },
      },
    });
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const created = (await custom.createClusterCustomObject({
      group: "facet.example",
      version: "v1alpha1",
      plural: "tenants",
      body: {
        apiVersion: "facet.example/v1alpha1",
        kind: "Tenant",
        metadata: { name: "acme" },
        spec: { tier: "gold" },
      },
    })) as k8s.KubernetesObject;
    expect(created.metadata?.generation).toBe(1);

    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const applied = await objects.patch(
      {
        apiVersion: "facet.example/v1alpha1",
        kind: "Tenant",
        metadata: { name: "acme" },
        spec: { tier: "platinum" },
      } as k8s.KubernetesObject,
      undefined,
      undefined,
      "facet",
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect((applied as unknown as { spec: { tier: string } }).spec.tier).toBe("platinum");
    const cm = await objects.create({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "x", namespace: ns },
      data: { k: "v" },
    } as k8s.KubernetesObject);
    expect(cm.metadata?.uid).toBeTruthy();
  });

  it("writes status only through the status subresource", async () => {
    const ns = await namespace("status");
    const ext = kc.makeApiClient(k8s.ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({
      body: {
        metadata: { name: "probes.facet.example" },
        spec: {
          group: "facet.example",
          scope: "Namespaced",
          names: { plural: "probes", singular: "probe", kind: "Probe" },
          versions: [
            {
              name: "v1",
              served: true,
              storage: true,
              subresources: { status: {} },
              schema: { openAPIV3Schema: { type: "object", x_kubernetes_preserve_unknown_fields: true } },
            },
          ],
        },
      },
    });
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const ref = { group: "facet.example", version: "v1", namespace: ns, plural: "probes" };
    type Probe = k8s.KubernetesObject & { spec: { target: string }; status?: { up: boolean } };
    const created = (await custom.createNamespacedCustomObject({
      ...ref,
      body: {
        apiVersion: "facet.example/v1",
        kind: "Probe",
        metadata: { name: "p" },
        spec: { target: "a" },
        status: { up: true },
      },
    })) as Probe;
    expect(created.status).toBeUndefined();
    const withStatus = (await custom.replaceNamespacedCustomObjectStatus({
      ...ref,
      name: "p",
      body: { ...created, spec: { target: "ignored" }, status: { up: true } },
    })) as Probe;
    expect(withStatus.status).toEqual({ up: true });
    expect(withStatus.spec.target).toBe("a");
    expect(withStatus.metadata?.generation).toBe(1);
    const mainUpdate = (await custom.replaceNamespacedCustomObject({
      ...ref,
      name: "p",
      body: { ...withStatus, spec: { target: "b" }, status: { up: false } },
    })) as Probe;
    expect(mainUpdate.status).toEqual({ up: true });
    expect(mainUpdate.metadata?.generation).toBe(2);
  });

  it("answers /version and SelfSubjectAccessReview as Facet's cluster probe asks them", async () => {
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version).toMatchObject({ major: "1", minor: "32", gitVersion: "v1.32.0" });
    const review = await kc.makeApiClient(k8s.AuthorizationV1Api).createSelfSubjectAccessReview({
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: { resourceAttributes: { verb: "create", resource: "namespaces" } },
      },
    });
    expect(review.status?.allowed).toBe(true);
  });

  it("answers 401 Unauthorized without a valid token", async () => {
    const noToken = await fetch(new URL(`${sandbox.server}/api/v1/namespaces`));
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "Unauthorized",
      reason: "Unauthorized",
      code: 401,
    });
    const wrong = await fetch(new URL(`${sandbox.server}/api`), {
      headers: { authorization: "Bearer fsb_not-a-real-token" },
    });
    expect(wrong.status).toBe(401);
  });
});
