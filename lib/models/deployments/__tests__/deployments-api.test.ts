import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, modelSources } from "@/lib/db/schema";
import { importRegistryModels } from "@/lib/models/catalog/import-registry-models";
import { publishBuiltinModels } from "@/lib/models/builtin-catalog/publish-builtin-models";
import { publishModel } from "@/lib/models/modelx/publish";
import { conforms, type V2Schema } from "@/lib/models/runtime/protocol/open-inference";
import { sharedPool } from "@/lib/models/runtime/shared-pool";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Model deployments through the HTTP API on the sandbox cluster: a built-in model is deployed,
// its pods run, Facet's runtime loads it and the V2 passthrough answers in the protocol's own
// shapes; quota, load failures, version switches, RBAC and audit are attacked at their edges.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

let sb: Sandbox;
let root: string;
let dev: Awaited<ReturnType<typeof person>>;
let reader: Awaited<ReturnType<typeof person>>;
let outsider: Awaited<ReturnType<typeof person>>;
const t = uniqueName("md");
let P = "";
let DEV = "";
let PROD = "";
let ns = "";
const BROKEN = `broken-${Math.random().toString(36).slice(2, 8)}`;
const ctx = { actor: null, scope: {}, requestId: "deployments-test", clientAddress: null };

const text = (...texts: string[]) => ({
  inputs: [
    { name: "args", shape: [texts.length], datatype: "BYTES", parameters: { content_type: "str" }, data: texts },
  ],
});
const deploy = (name: string, extra: Doc = {}) => ({
  name,
  source: "facet",
  model: "sentiment-en",
  version: "v1",
  replicas: 1,
  resources: { cpu: "250m", memory: "256Mi" },
  ...extra,
});
function expectConforms(schema: V2Schema, body: unknown) {
  expect(conforms(schema, body), JSON.stringify(body)).toEqual({ ok: true });
}
const labelsOf = (body: unknown) =>
  ((body as { outputs: { data: string[] }[] }).outputs[0].data as string[]).map((s) => JSON.parse(s).label);

async function kube(path: string) {
  const res = await fetch(`${sb.server.href}${path}`, { headers: { authorization: `Bearer ${sb.token}` } });
  return { status: res.status, body: (await res.json().catch(() => null)) as Doc };
}
async function phaseOf(env: string, name: string, phase: string, timeoutMs = 60_000) {
  return eventually(
    async () => {
      const d = await expectOk<Doc>(api("GET", `${env}/model-deployments/${name}`, { token: reader.token }));
      return d.status.phase === phase && d;
    },
    timeoutMs,
    `${name} ${phase}`,
  );
}

beforeAll(async () => {
  sb = await startSandbox();
  process.env.FACET_INTERNAL_URL = sb.server.origin;
  // The two sources a fresh install seeds; the library holds the built-in models.
  await getDb()
    .insert(modelSources)
    .values([
      { name: "facet", kind: "modelx", url: null, images: {} },
      { name: "huggingface", kind: "huggingface", url: null, images: {} },
    ])
    .onDuplicateKeyUpdate({ set: { enabled: true } });
  await publishBuiltinModels(ctx);
  const annotations = (impl: string) => ({ "facet.dev/runtime": "facet-builtin", "facet.dev/implementation": impl });
  await publishModel(
    ctx,
    { repository: "library", projectId: null, tenantId: null, model: "sentiment-en", reference: "v2" },
    Buffer.from("description: sentiment v2\n"),
    [{ name: "README.md", bytes: Buffer.from("# v2\n") }],
    { task: "text-classification", ...annotations("sentiment-en") },
  );
  await publishModel(
    ctx,
    { repository: "library", projectId: null, tenantId: null, model: BROKEN, reference: "v1" },
    Buffer.from("description: no runtime serves this\n"),
    [{ name: "README.md", bytes: Buffer.from("# broken\n") }],
    annotations("no-such-implementation"),
  );
  root = await sysadminToken();
  [dev, reader, outsider] = await Promise.all(["mddev", "mdreader", "mdout"].map(person));
  P = await tenantProject(root, t);
  for (const p of [dev, reader])
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: p.username, role: "member" } }),
      201,
    );
  await expectOk(api("POST", `${P}/members`, { token: root, body: { username: dev.username, role: "dev" } }), 201);
  DEV = await sandboxEnvironment(root, P, "dev", "dev");
  PROD = await sandboxEnvironment(root, P, "prod", "prod");
  for (const env of [DEV, PROD]) {
    await expectOk(
      api("POST", `${env}/members`, { token: root, body: { username: reader.username, role: "reader" } }),
      201,
    );
    await expectOk(api("POST", `${env}/sync`, { token: root }));
  }
  ns = (await expectOk<{ namespace: string }>(api("GET", DEV, { token: root }))).namespace;
  const other = uniqueName("other");
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${other}/members`, {
      token: root,
      body: { username: outsider.username, role: "admin" },
    }),
    201,
  );
}, 120_000);
afterAll(async () => {
  sharedPool().close();
  await sb?.close();
});

describe("model deployments: sentiment-en on the sandbox", () => {
  it("deploys, runs pods in the environment's namespace and becomes Running once the runtime loaded it", async () => {
    const created = await expectOk<Doc>(
      api("POST", `${DEV}/model-deployments`, { token: dev.token, body: deploy("reviews", { replicas: 2 }) }),
      201,
    );
    expect(created).toMatchObject({
      name: "reviews",
      source: "facet",
      model: "sentiment-en",
      version: "v1",
      runtime: "builtin",
      replicas: 2,
      resources: { cpu: "250m", memory: "256Mi" },
      task: "text-classification",
      servedModelName: "reviews",
      endpoint: `${DEV}/model-deployments/reviews/v2`,
      history: [{ version: "v1", by: dev.username }],
    });
    expect(created.status.phase).toBe("Pending");
    expect(created.status.progress).toMatchObject({ step: "scheduling pods", total: 2 });
    const running = await phaseOf(DEV, "reviews", "Running");
    expect(running.status).toMatchObject({ reason: null, readyReplicas: 2, progress: { step: "serving" } });
    const d = await kube(`/apis/apps/v1/namespaces/${ns}/deployments/reviews`);
    expect(d.status).toBe(200);
    expect(d.body.metadata.labels["facet.dev/model-deployment"]).toBe("reviews");
    expect(d.body.metadata.labels["facet.dev/application"]).toBeUndefined();
    expect(d.body.spec.template.spec.containers[0].resources.requests).toEqual({ cpu: "250m", memory: "256Mi" });
    const svc = await kube(`/api/v1/namespaces/${ns}/services/reviews`);
    expect(svc.body.spec.selector).toEqual({ "facet.dev/model-deployment": "reviews" });
    const pods = await kube(`/api/v1/namespaces/${ns}/pods?labelSelector=facet.dev/model-deployment%3Dreviews`);
    expect(pods.body.items.filter((p: Doc) => p.status.phase === "Running")).toHaveLength(2);
    const list = await expectOk<Doc>(api("GET", `${DEV}/model-deployments`, { token: reader.token }));
    expect(list.items.map((i: Doc) => i.name)).toContain("reviews");
  }, 90_000);

  it("infers through the V2 passthrough for a reader: POSITIVE and NEGATIVE, in the protocol's shapes", async () => {
    const V2 = `${DEV}/model-deployments/reviews/v2`;
    const res = await api<Doc>("POST", `${V2}/models/reviews/infer`, {
      token: reader.token,
      body: { id: "q-1", ...text("I love this", "I hate this") },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectConforms("inference_response", res.body);
    expect(res.body).toMatchObject({ id: "q-1", model_name: "reviews", model_version: "v1" });
    expect(labelsOf(res.body)).toEqual(["POSITIVE", "NEGATIVE"]);
    const meta = await api<Doc>("GET", `${V2}/models/reviews`, { token: reader.token });
    expect(meta.status).toBe(200);
    expectConforms("metadata_model_response", meta.body);
    expect((await api("GET", `${V2}/health/ready`, { token: reader.token })).status).toBe(200);
    expect((await api("GET", `${V2}/models/reviews/ready`, { token: reader.token })).status).toBe(200);
    expect((await api("GET", `${V2}/health/live`, { token: reader.token })).status).toBe(200);
  });

  it("answers bad input with 400 naming the input, and unknown models or paths with 404, as {error}", async () => {
    const V2 = `${DEV}/model-deployments/reviews/v2`;
    const bad = await api<Doc>("POST", `${V2}/models/reviews/infer`, {
      token: reader.token,
      body: { inputs: [{ name: "prompt", shape: [1], datatype: "BYTES", data: ["x"] }] },
    });
    expect(bad.status).toBe(400);
    expectConforms("inference_error_response", bad.body);
    expect(bad.body.error).toMatch(/input 'prompt'/);
    const wrongType = await api<Doc>("POST", `${V2}/models/reviews/infer`, {
      token: reader.token,
      body: { inputs: [{ name: "args", shape: [1], datatype: "FP32", data: [1.5] }] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatch(/input 'args'/);
    const notJson = await api<Doc>("POST", `${V2}/models/reviews/infer`, {
      token: reader.token,
      body: "not json at all",
    });
    expect(notJson.status).toBe(400);
    expectConforms("inference_error_response", notJson.body);
    for (const path of ["models/other/infer", "models/reviews/versions/v9/infer", "nothing/here"]) {
      const res = await api<Doc>("POST", `${V2}/${path}`, { token: reader.token, body: text("x") });
      expect(res.status, path).toBe(404);
      expectConforms("inference_error_response", res.body);
    }
    const noDeployment = await api<Doc>("POST", `${DEV}/model-deployments/ghost/v2/models/ghost/infer`, {
      token: reader.token,
      body: text("x"),
    });
    expect(noDeployment.status).toBe(404);
    expect(Object.keys(noDeployment.body)).toEqual(["error"]);
  });

  it("refuses a body over 8 MiB with 413 in the V2 shape", async () => {
    const huge = {
      inputs: [{ name: "args", shape: [1], datatype: "BYTES", data: ["x".repeat(8 * 1024 * 1024 + 10)] }],
    };
    const res = await api<Doc>("POST", `${DEV}/model-deployments/reviews/v2/models/reviews/infer`, {
      token: reader.token,
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(typeof res.body.error).toBe("string");
  });

  it("switches the version and back, keeping who switched when, and reloads the model", async () => {
    const pid = sharedPool().workerPid("sentiment-en");
    expect(pid).toBeGreaterThan(0);
    const v2 = await expectOk<Doc>(
      api("PUT", `${DEV}/model-deployments/reviews`, { token: dev.token, body: { version: "v2" } }),
    );
    expect(v2.version).toBe("v2");
    expect(v2.history.map((h: Doc) => h.version)).toEqual(["v1", "v2"]);
    expect(v2.history[1].by).toBe(dev.username);
    await phaseOf(DEV, "reviews", "Running");
    // The switch reloaded the model: a new worker process serves it.
    expect(sharedPool().workerPid("sentiment-en")).not.toBe(pid);
    const V2 = `${DEV}/model-deployments/reviews/v2`;
    const res = await api<Doc>("POST", `${V2}/models/reviews/versions/v2/infer`, {
      token: reader.token,
      body: text("I love this"),
    });
    expect(res.status).toBe(200);
    expectConforms("inference_response", res.body);
    expect(res.body.model_version).toBe("v2");
    expect(
      (await api("POST", `${V2}/models/reviews/versions/v1/infer`, { token: reader.token, body: text("x") })).status,
    ).toBe(404);
    const back = await expectOk<Doc>(
      api("PUT", `${DEV}/model-deployments/reviews`, { token: dev.token, body: { version: "v1" } }),
    );
    expect(back.history.map((h: Doc) => h.version)).toEqual(["v1", "v2", "v1"]);
    expect(new Date(back.history[2].at).getTime()).toBeGreaterThanOrEqual(new Date(back.history[1].at).getTime());
    await phaseOf(DEV, "reviews", "Running");
    const again = await api<Doc>("POST", `${V2}/models/reviews/infer`, {
      token: reader.token,
      body: text("I hate this"),
    });
    expect(again.body.model_version).toBe("v1");
    expect(labelsOf(again.body)).toEqual(["NEGATIVE"]);
    const missing = await api<Doc>("PUT", `${DEV}/model-deployments/reviews`, {
      token: dev.token,
      body: { version: "v7" },
    });
    expect(missing.status).toBe(404);
    const still = await expectOk<Doc>(api("GET", `${DEV}/model-deployments/reviews`, { token: reader.token }));
    expect(still.history).toHaveLength(3);
  }, 120_000);

  it("scales through PUT and the sandbox Deployment follows", async () => {
    await expectOk(api("PUT", `${DEV}/model-deployments/reviews`, { token: dev.token, body: { replicas: 1 } }));
    const d = await kube(`/apis/apps/v1/namespaces/${ns}/deployments/reviews`);
    expect(d.body.spec.replicas).toBe(1);
    const bad = await api<Doc>("PUT", `${DEV}/model-deployments/reviews`, { token: dev.token, body: { replicas: 9 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: Doc) => e.path)).toContain("body.replicas");
  }, 60_000);
});

describe("model deployments: refusals", () => {
  it("rejects bad bodies with 422 naming the field", async () => {
    const cases: [Doc, string][] = [
      [deploy("Bad_Name"), "body.name"],
      [deploy("r9", { replicas: 0 }), "body.replicas"],
      [deploy("r9", { replicas: 9 }), "body.replicas"],
      [deploy("r9", { resources: { cpu: "lots", memory: "256Mi" } }), "body.resources.cpu"],
      [deploy("r9", { runtime: "triton" }), "body.runtime"],
      [deploy("r9", { version: "has space" }), "body.version"],
      // Facet's registry is served by the built-in runtime only.
      [deploy("r9", { runtime: "seldon" }), "body.runtime"],
    ];
    for (const [body, path] of cases) {
      const res = await api<Doc>("POST", `${DEV}/model-deployments`, { token: dev.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(
        res.body.errors.map((e: Doc) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
  });

  it("answers 404 for a model Facet's registry does not have", async () => {
    const res = await api<Doc>("POST", `${DEV}/model-deployments`, {
      token: dev.token,
      body: deploy("ghost", { model: "no-such-model" }),
    });
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/no-such-model:v1/);
    const source = await api<Doc>("POST", `${DEV}/model-deployments`, {
      token: dev.token,
      body: deploy("ghost", { source: "nowhere" }),
    });
    expect(source.status).toBe(404);
  });

  it("refuses what does not fit the environment's quota with 409 and the shortfalls, leaving nothing behind", async () => {
    const res = await api<Doc>("POST", `${DEV}/model-deployments`, {
      token: dev.token,
      body: deploy("greedy", { replicas: 8, resources: { cpu: "1", memory: "256Mi" } }),
    });
    expect(res.status).toBe(409);
    expect(res.body.shortfalls).toEqual([expect.objectContaining({ resource: "cpu", requested: "8", hard: "2" })]);
    expect((await api("GET", `${DEV}/model-deployments/greedy`, { token: dev.token })).status).toBe(404);
    expect((await kube(`/apis/apps/v1/namespaces/${ns}/deployments/greedy`)).status).toBe(404);
    const scale = await api<Doc>("PUT", `${DEV}/model-deployments/reviews`, {
      token: dev.token,
      body: { replicas: 8, resources: { cpu: "1", memory: "1Gi" } },
    });
    expect(scale.status).toBe(409);
    expect(scale.body.shortfalls.map((s: Doc) => s.resource)).toEqual(expect.arrayContaining(["cpu", "memory"]));
  });

  it("is Failed with the runtime's reason when the model cannot load", async () => {
    await expectOk(
      api("POST", `${DEV}/model-deployments`, { token: dev.token, body: deploy("broken", { model: BROKEN }) }),
      201,
    );
    const failed = await phaseOf(DEV, "broken", "Failed");
    expect(failed.status.reason).toMatch(/no-such-implementation/);
    const res = await api<Doc>("POST", `${DEV}/model-deployments/broken/v2/models/broken/infer`, {
      token: reader.token,
      body: text("x"),
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatch(/no-such-implementation/);
    await expectOk(api("DELETE", `${DEV}/model-deployments/broken`, { token: dev.token }), 204);
  }, 90_000);

  it("is Failed with a clear reason for another source's model on the sandbox", async () => {
    const res = await expectOk<Doc>(
      api("POST", `${DEV}/model-deployments`, {
        token: dev.token,
        body: deploy("hf", {
          source: "huggingface",
          model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
          version: "main",
          parameters: { task: "text-classification" },
        }),
      }),
      201,
    );
    expect(res.status.phase).toBe("Failed");
    expect(res.status.reason).toMatch(/built-in runtime/);
    expect((await kube(`/apis/apps/v1/namespaces/${ns}/deployments/hf`)).status).toBe(404);
    await expectOk(api("DELETE", `${DEV}/model-deployments/hf`, { token: dev.token }), 204);
  });
});

describe("model deployments: who may do what", () => {
  it("lets a reader read and infer but not deploy, change or delete", async () => {
    expect((await api("POST", `${DEV}/model-deployments`, { token: reader.token, body: deploy("r2") })).status).toBe(
      403,
    );
    expect(
      (await api("PUT", `${DEV}/model-deployments/reviews`, { token: reader.token, body: { replicas: 2 } })).status,
    ).toBe(403);
    expect((await api("DELETE", `${DEV}/model-deployments/reviews`, { token: reader.token })).status).toBe(403);
    expect((await api("GET", `${DEV}/model-deployments/reviews`, { token: reader.token })).status).toBe(200);
  });

  it("keeps a dev out of prod deployments", async () => {
    const res = await api<Doc>("POST", `${PROD}/model-deployments`, { token: dev.token, body: deploy("reviews") });
    expect(res.status).toBe(403);
  });

  it("hides everything from another tenant's admin: 404, also on the V2 endpoint", async () => {
    expect((await api("GET", `${DEV}/model-deployments`, { token: outsider.token })).status).toBe(404);
    expect((await api("GET", `${DEV}/model-deployments/reviews`, { token: outsider.token })).status).toBe(404);
    expect((await api("POST", `${DEV}/model-deployments`, { token: outsider.token, body: deploy("x") })).status).toBe(
      404,
    );
    const v2 = await api<Doc>("POST", `${DEV}/model-deployments/reviews/v2/models/reviews/infer`, {
      token: outsider.token,
      body: text("x"),
    });
    expect(v2.status).toBe(404);
    expect(Object.keys(v2.body)).toEqual(["error"]);
    const anonymous = await api<Doc>("GET", `${DEV}/model-deployments/reviews/v2/health/ready`, {
      token: "not-a-token",
    });
    expect(anonymous.status).toBe(401);
    expect(Object.keys(anonymous.body)).toEqual(["error"]);
  });

  it("lists where a model runs on its catalog page, only in environments the viewer may read", async () => {
    const [facet] = await getDb().select().from(modelSources).where(eq(modelSources.name, "facet"));
    await importRegistryModels(getDb(), facet.id);
    const page = "/api/v1/model-sources/facet/models/sentiment-en";
    const mine = (instances: Doc[]) => instances.filter((i) => i.tenant === t);
    const seen = async (token: string) => mine((await expectOk<Doc>(api("GET", page, { token }))).instances);
    // Running, as the environment's own page last saw it.
    const reviews = {
      tenant: t,
      environment: "dev",
      name: "reviews",
      version: "v1",
      runtime: "builtin",
      phase: "Running",
    };
    expect(await seen(root)).toEqual([expect.objectContaining(reviews)]);
    // A reader of the environment and a dev of the project see it.
    expect(await seen(reader.token)).toEqual([expect.objectContaining(reviews)]);
    expect(await seen(dev.token)).toEqual([expect.objectContaining(reviews)]);
    // Another tenant's admin, someone in no tenant, and a tenant member without a role in the
    // project see no trace of it.
    const member = await person("mdmember");
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: member.username, role: "member" } }),
      201,
    );
    for (const token of [outsider.token, (await person("mdnobody")).token, member.token])
      expect(await seen(token)).toEqual([]);
  });

  it("audits every write with its actor, and deletes the cluster objects", async () => {
    await expectOk(api("DELETE", `${DEV}/model-deployments/reviews`, { token: dev.token }), 204);
    expect((await api("GET", `${DEV}/model-deployments/reviews`, { token: dev.token })).status).toBe(404);
    expect((await kube(`/apis/apps/v1/namespaces/${ns}/deployments/reviews`)).status).toBe(404);
    expect((await kube(`/api/v1/namespaces/${ns}/services/reviews`)).status).toBe(404);
    const rows = await getDb()
      .select()
      .from(auditLogs)
      .where(and(like(auditLogs.target, `tenant/${t}/%/model-deployment/reviews`), eq(auditLogs.result, "success")));
    const actions = rows.map((r) => `${r.action} ${r.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `model-deployments.create ${dev.username}`,
        `model-deployments.update ${dev.username}`,
        `model-deployments.delete ${dev.username}`,
      ]),
    );
    expect(rows.filter((r) => r.action === "model-deployments.update").length).toBeGreaterThanOrEqual(3);
  });
});
