import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileOnce } from "@/lib/sandbox";
import { START_DELAY_ANNOTATION } from "@/lib/sandbox/config";
import { eventually, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";

// The simulated controllers and kubelet, and admission (LimitRange, ResourceQuota).

let sandbox: Sandbox;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

const later = () => ({ now: new Date(Date.now() + 60_000) });
const merge = k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch);
const strategic = k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.StrategicMergePatch);

async function namespace(prefix: string): Promise<string> {
  const name = uniqueNamespace(prefix);
  await core.createNamespace({ body: { metadata: { name } } });
  return name;
}

const template = (app: string, resources?: k8s.V1ResourceRequirements): k8s.V1PodTemplateSpec => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: "web", image: "nginx:1.27", ...(resources ? { resources } : {}) }] },
});

const isReady = (pod: k8s.V1Pod) =>
  pod.status?.phase === "Running" && pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True");

async function pods(ns: string, labelSelector: string) {
  return (await core.listNamespacedPod({ namespace: ns, labelSelector })).items;
}

async function settle(ns: string, name: string, replicas: number) {
  return eventually(
    async () => {
      await reconcileOnce(later());
      const d = await apps.readNamespacedDeployment({ name, namespace: ns });
      const ready = (await pods(ns, `app=${name}`)).filter(isReady);
      return d.status?.readyReplicas === replicas &&
        d.status.updatedReplicas === replicas &&
        d.status.replicas === replicas &&
        ready.length === replicas
        ? d
        : null;
    },
    15_000,
    `deployment ${name} with ${replicas} ready replicas`,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox();
  const kc = new k8s.KubeConfig();
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

describe("simulated controllers", () => {
  it("gives a Deployment a ReplicaSet and pods that go Pending → Running and Ready, with events", async () => {
    const ns = await namespace("deploy");
    // Other test files' sandboxes share this database and run their controllers with the default
    // delay, so the slow start is asked for on the pods themselves; settle() runs a minute ahead.
    const slow = template("web");
    slow.metadata!.annotations = { [START_DELAY_ANNOTATION]: "30000" };
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: slow },
      },
    });
    await reconcileOnce({ now: new Date() });
    const pending = await pods(ns, "app=web");
    expect(
      pending.map((p) => [p.status?.phase, p.spec?.nodeName, p.status?.containerStatuses?.[0].state?.waiting?.reason]),
    ).toEqual([
      ["Pending", "sandbox-node-1", "ContainerCreating"],
      ["Pending", "sandbox-node-1", "ContainerCreating"],
    ]);

    const d = await settle(ns, "web", 2);
    expect(d.status?.observedGeneration).toBe(d.metadata?.generation);
    expect(d.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      "Available=True/MinimumReplicasAvailable",
      "Progressing=True/NewReplicaSetAvailable",
    ]);
    const [rs] = (await apps.listNamespacedReplicaSet({ namespace: ns })).items;
    const hash = rs.metadata?.labels?.["pod-template-hash"];
    expect(rs.metadata?.name).toBe(`web-${hash}`);
    expect(rs.metadata?.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "web", controller: true });
    const running = await pods(ns, `app=web,pod-template-hash=${hash}`);
    expect(running).toHaveLength(2);
    expect(running.every((p) => p.status?.podIP?.startsWith("10.244.") && p.status.containerStatuses?.[0].ready)).toBe(
      true,
    );

    const reasons = (await core.listNamespacedEvent({ namespace: ns })).items.map((e) => e.reason);
    for (const reason of ["ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Pulled", "Created", "Started"])
      expect(reasons).toContain(reason);
  });

  it("scales to three pods and back down to one", async () => {
    const ns = await namespace("scale");
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: template("web") },
      },
    });
    await settle(ns, "web", 1);
    await apps.patchNamespacedDeploymentScale({ name: "web", namespace: ns, body: { spec: { replicas: 3 } } }, merge);
    await settle(ns, "web", 3);
    expect((await pods(ns, "app=web")).filter(isReady)).toHaveLength(3);
    await apps.patchNamespacedDeploymentScale({ name: "web", namespace: ns, body: { spec: { replicas: 1 } } }, merge);
    await settle(ns, "web", 1);
    expect(await pods(ns, "app=web")).toHaveLength(1);
  });

  it("rolls out a restart: a new ReplicaSet, the old one scaled to 0", async () => {
    const ns = await namespace("restart");
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: template("web") },
      },
    });
    await settle(ns, "web", 2);
    await apps.patchNamespacedDeployment(
      {
        name: "web",
        namespace: ns,
        body: {
          spec: {
            template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": new Date().toISOString() } } },
          },
        },
      },
      strategic,
    );
    const d = await settle(ns, "web", 2);
    expect(d.metadata?.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    await eventually(
      async () => {
        await reconcileOnce(later());
        const sets = (await apps.listNamespacedReplicaSet({ namespace: ns })).items;
        const old = sets.find((s) => s.metadata?.annotations?.["deployment.kubernetes.io/revision"] === "1");
        return sets.length === 2 && old?.spec?.replicas === 0 && (old.status?.replicas ?? 0) === 0;
      },
      10_000,
      "old ReplicaSet scaled to 0",
    );
    expect(await pods(ns, "app=web")).toHaveLength(2);
  });

  it("runs StatefulSet pods by ordinal and one DaemonSet pod on the node", async () => {
    const ns = await namespace("sts");
    await apps.createNamespacedStatefulSet({
      namespace: ns,
      body: {
        metadata: { name: "db" },
        spec: { replicas: 2, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: template("db") },
      },
    });
    await apps.createNamespacedDaemonSet({
      namespace: ns,
      body: {
        metadata: { name: "agent" },
        spec: { selector: { matchLabels: { app: "agent" } }, template: template("agent") },
      },
    });
    await eventually(
      async () => {
        await reconcileOnce(later());
        const sts = await apps.readNamespacedStatefulSet({ name: "db", namespace: ns });
        const ds = await apps.readNamespacedDaemonSet({ name: "agent", namespace: ns });
        return sts.status?.readyReplicas === 2 && ds.status?.numberReady === 1;
      },
      15_000,
      "statefulset and daemonset ready",
    );
    expect((await pods(ns, "app=db")).map((p) => p.metadata?.name).sort()).toEqual(["db-0", "db-1"]);
    expect(await pods(ns, "app=agent")).toHaveLength(1);
  });

  it("gives Services a cluster IP", async () => {
    const ns = await namespace("svc");
    const svc = await core.createNamespacedService({
      namespace: ns,
      body: { metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } },
    });
    expect(svc.spec?.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(svc.spec?.ports?.[0]).toMatchObject({ port: 80, protocol: "TCP", targetPort: 80 });
  });

  it("serves deterministic pod logs with tailLines and container", async () => {
    const ns = await namespace("logs");
    await core.createNamespacedPod({
      namespace: ns,
      body: {
        metadata: { name: "app" },
        spec: {
          containers: [
            { name: "main", image: "nginx:1.27" },
            { name: "side", image: "busybox" },
          ],
        },
      },
    });
    const early = await core
      .readNamespacedPodLog({ name: "app", namespace: ns, container: "main" })
      .catch((e: unknown) => e as k8s.ApiException<string>);
    expect((early as k8s.ApiException<string>).code).toBe(400);
    expect(JSON.parse((early as k8s.ApiException<string>).body).message).toBe(
      'container "main" in pod "app" is waiting to start: ContainerCreating',
    );
    await eventually(
      async () => {
        await reconcileOnce(later());
        return isReady(await core.readNamespacedPod({ name: "app", namespace: ns }));
      },
      10_000,
      "pod running",
    );
    const log = await core.readNamespacedPodLog({ name: "app", namespace: ns, container: "main" });
    expect(log).toContain("nginx: [notice] start worker processes");
    expect(await core.readNamespacedPodLog({ name: "app", namespace: ns, container: "main", tailLines: 1 })).toBe(
      "nginx: [notice] start worker processes\n",
    );
    const ambiguous = await core
      .readNamespacedPodLog({ name: "app", namespace: ns })
      .catch((e: unknown) => e as k8s.ApiException<string>);
    expect(JSON.parse((ambiguous as k8s.ApiException<string>).body).message).toBe(
      "a container name must be specified for pod app, choose one of: [main side]",
    );
  });
});

describe("admission: LimitRange and ResourceQuota", () => {
  it("refuses a pod over the namespace quota with 403 and Kubernetes' message, and keeps status.used current", async () => {
    const ns = await namespace("quota");
    await core.createNamespacedResourceQuota({
      namespace: ns,
      body: { metadata: { name: "q" }, spec: { hard: { pods: "2" } } },
    });
    for (const name of ["p1", "p2"])
      await core.createNamespacedPod({
        namespace: ns,
        body: { metadata: { name }, spec: { containers: [{ name: "c", image: "nginx" }] } },
      });
    const quota = await core.readNamespacedResourceQuota({ name: "q", namespace: ns });
    expect(quota.status).toEqual({ hard: { pods: "2" }, used: { pods: "2" } });

    const error = (await core
      .createNamespacedPod({
        namespace: ns,
        body: { metadata: { name: "x" }, spec: { containers: [{ name: "c", image: "nginx" }] } },
      })
      .catch((e: unknown) => e)) as k8s.ApiException<string>;
    expect(error.code).toBe(403);
    expect(JSON.parse(error.body)).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Forbidden",
      code: 403,
      message: 'pods "x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
    });

    await core.deleteNamespacedPod({ name: "p1", namespace: ns });
    expect((await core.readNamespacedResourceQuota({ name: "q", namespace: ns })).status?.used).toEqual({ pods: "1" });
  });

  it("requires cpu/memory when a quota tracks them, and applies LimitRange defaults first", async () => {
    const ns = await namespace("limits");
    await core.createNamespacedResourceQuota({
      namespace: ns,
      body: {
        metadata: { name: "compute" },
        spec: { hard: { "requests.cpu": "1", "requests.memory": "1Gi", "limits.cpu": "2", "limits.memory": "2Gi" } },
      },
    });
    const bare = { metadata: { name: "bare" }, spec: { containers: [{ name: "app", image: "nginx" }] } };
    const refused = (await core
      .createNamespacedPod({ namespace: ns, body: bare })
      .catch((e: unknown) => e)) as k8s.ApiException<string>;
    expect(refused.code).toBe(403);
    expect(JSON.parse(refused.body).message).toBe(
      'pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    );

    await core.createNamespacedLimitRange({
      namespace: ns,
      body: {
        metadata: { name: "defaults" },
        spec: {
          limits: [
            {
              type: "Container",
              _default: { cpu: "500m", memory: "512Mi" },
              defaultRequest: { cpu: "250m", memory: "256Mi" },
            },
          ],
        },
      },
    });
    const admitted = await core.createNamespacedPod({ namespace: ns, body: bare });
    expect(admitted.spec?.containers[0].resources).toEqual({
      limits: { cpu: "500m", memory: "512Mi" },
      requests: { cpu: "250m", memory: "256Mi" },
    });
    expect((await core.readNamespacedResourceQuota({ name: "compute", namespace: ns })).status?.used).toEqual({
      "limits.cpu": "500m",
      "limits.memory": "512Mi",
      "requests.cpu": "250m",
      "requests.memory": "256Mi",
    });

    const big = {
      metadata: { name: "big" },
      spec: {
        containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "900m" }, limits: { cpu: "1" } } }],
      },
    };
    const over = (await core
      .createNamespacedPod({ namespace: ns, body: big })
      .catch((e: unknown) => e)) as k8s.ApiException<string>;
    expect(JSON.parse(over.body).message).toBe(
      'pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=900m, used: requests.cpu=250m, limited: requests.cpu=1',
    );
  });

  it("makes a ReplicaSet record FailedCreate when its pods exceed the quota", async () => {
    const ns = await namespace("rsquota");
    await core.createNamespacedResourceQuota({
      namespace: ns,
      body: { metadata: { name: "q" }, spec: { hard: { pods: "1" } } },
    });
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: template("web") },
      },
    });
    const failure = await eventually(
      async () => {
        await reconcileOnce(later());
        return (await core.listNamespacedEvent({ namespace: ns, fieldSelector: "reason=FailedCreate" })).items[0];
      },
      10_000,
      "FailedCreate event",
    );
    expect(failure.message).toMatch(
      /^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1$/,
    );
    expect(await pods(ns, "app=web")).toHaveLength(1);
  });
});
