import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { CONSOLE_OPERATIONS } from "@/lib/console/registry";
import { runOperationAs } from "@/lib/http/action";
import type { Operation } from "@/lib/core/operation";
import { seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { clusters } from "@/lib/db/schema";
import { issueSandboxToken, renderKubeconfig } from "@/lib/sandbox/credentials";
import { METHODS, apiRouteFiles, handlerFor, type Method } from "@/lib/testing/api";
import { eventually, kubectl, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { createToken, createUser, uniqueName } from "@/lib/testing/factories";
import { seedTrace } from "@/lib/testing/telemetry-world";
import { api, expectOk, generousQuota, sysadminToken } from "@/lib/testing/world";
import { installLoggingCrds } from "@/lib/logging/testing/install-crds";

/*
 * Every route and method × every role at every level (× every environment type) → allow or
 * deny, from a table written from ARCHITECTURE §4, not from lib/rbac. Allowed calls must
 * succeed with the status given; denied ones answer 403, or 404 for someone outside the tenant
 * (or the row's own `denied` status).
 */

const ROLES = [
  "sysadmin",
  "outsider",
  "tenant-admin",
  "tenant-member",
  "project-admin",
  "project-dev",
  "project-test",
  "project-ops",
  "env-reader",
  "env-operator",
] as const;
type Role = (typeof ROLES)[number];
type EnvType = "dev" | "test" | "prod";

const EVERYONE: Role[] = [...ROLES];
const IN_TENANT: Role[] = ROLES.filter((r) => r !== "outsider");
const SYSADMIN: Role[] = ["sysadmin"];
const TENANT_ADMIN: Role[] = ["sysadmin", "tenant-admin"];
const PROJECT_ADMIN: Role[] = [...TENANT_ADMIN, "project-admin"];
const PROJECT_READER: Role[] = [...PROJECT_ADMIN, "project-dev", "project-test", "project-ops"];
const ENV_READER: Role[] = [...PROJECT_READER, "env-reader", "env-operator"];
const envWriter = (type: EnvType): Role[] => [
  ...PROJECT_ADMIN,
  "env-operator",
  "project-ops",
  ...(type === "dev" ? (["project-dev"] as Role[]) : []),
  ...(type === "test" ? (["project-test"] as Role[]) : []),
];

interface Call {
  path: string;
  body?: unknown;
}
interface Case {
  level: "public" | "system" | "tenant" | "project" | "environment";
  allowed: Role[] | ((type: EnvType) => Role[]);
  /** The status an allowed call answers (409 where the call is safe only because it is refused later). */
  ok: number;
  /** What every denied call answers, where not 403/404 by role: a trace id is "not found" to anyone who may not read it. */
  denied?: number;
  /** A POST that only reads (V2 inference): a read-only token may call it. */
  reads?: boolean;
  call: (w: World, type: EnvType, n: number, role: Role) => Promise<Call>;
}

interface World {
  tenant: string;
  tokens: Record<Role, string>;
  root: string;
}

let counter = 0;
const freshUser = async () => (await createUser({ username: uniqueName("mx") })).username;
const T = (w: World) => `/api/v1/tenants/${w.tenant}`;
const P = (w: World) => `${T(w)}/projects/shop`;
const E = (w: World, type: EnvType) => `${P(w)}/environments/env-${type}`;
const tinyQuota = { cpu: "10m", memory: "1Mi", storage: "1Mi", pods: "1" };
// Room for every row that deploys (applications and model deployments of all roles) in one environment.
const podQuota = { cpu: "16", memory: "16Gi", storage: "1Gi", pods: "60" };
const tenantMember = async (w: World) => {
  const u = await freshUser();
  await expectOk(api("POST", `${T(w)}/members`, { token: w.root, body: { username: u, role: "member" } }), 201);
  return u;
};

// The model catalog: everyone reads and browses; sources and publishing are the sysadmin's.
const MS = "/api/v1/model-sources";
const BERT = "distilbert/distilbert-base-uncased-finetuned-sst-2-english";
let catalogSource: Promise<string> | null = null;
const seededSource = (w: World) =>
  (catalogSource ??= (async () => {
    const name = uniqueName("mx-hf").toLowerCase();
    await expectOk(api("POST", MS, { token: w.root, body: { name, kind: "huggingface" } }), 201);
    return `${MS}/${name}`;
  })());
function modelCatalogRows(): Record<string, Case> {
  return {
    [`GET ${MS}`]: { level: "system", allowed: EVERYONE, ok: 200, call: async () => ({ path: MS }) },
    [`POST ${MS}`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 201,
      call: async (_w, _t, n) => ({ path: MS, body: { name: `mx-src-${n}-${counter++}`, kind: "modelx" } }),
    },
    [`GET ${MS}/{source}`]: {
      level: "system",
      allowed: EVERYONE,
      ok: 200,
      call: async (w) => ({ path: await seededSource(w) }),
    },
    [`PUT ${MS}/{source}`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 200,
      call: async (w) => ({ path: await seededSource(w), body: { enabled: true } }),
    },
    [`DELETE ${MS}/{source}`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 204,
      call: async (w, _t, n) => {
        const name = `mx-del-${n}-${counter++}`;
        await expectOk(api("POST", MS, { token: w.root, body: { name, kind: "modelx" } }), 201);
        return { path: `${MS}/${name}` };
      },
    },
    [`GET ${MS}/{source}/models`]: {
      level: "system",
      allowed: EVERYONE,
      ok: 200,
      call: async (w) => ({ path: `${await seededSource(w)}/models?task=fill-mask` }),
    },
    [`GET ${MS}/{source}/models/{model}`]: {
      level: "system",
      allowed: EVERYONE,
      ok: 200,
      call: async (w) => ({ path: `${await seededSource(w)}/models/${BERT}` }),
    },
    [`PUT ${MS}/{source}/models/{model}`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 200,
      call: async (w) => ({ path: `${await seededSource(w)}/models/${BERT}`, body: { recommended: true } }),
    },
    // The catch-all's trailing "ratings" segment: everybody may rate (models.rate).
    [`POST ${MS}/{source}/models/{model}`]: {
      level: "system",
      allowed: EVERYONE,
      ok: 201,
      call: async (w) => ({
        path: `${await seededSource(w)}/models/${BERT}/ratings`,
        body: { rating: 4, comment: "" },
      }),
    },
    // Syncs on Facet's own registry (url null): no network, and a fresh source each so none is already running.
    [`POST ${MS}/{source}/sync`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 202,
      call: async (w, _t, n) => {
        const name = `mx-sync-${n}-${counter++}`;
        await expectOk(api("POST", MS, { token: w.root, body: { name, kind: "modelx" } }), 201);
        return { path: `${MS}/${name}/sync` };
      },
    },
    [`GET ${MS}/{source}/sync`]: {
      level: "system",
      allowed: EVERYONE,
      ok: 200,
      call: async (w) => ({ path: `${await seededSource(w)}/sync` }),
    },
    [`DELETE ${MS}/{source}/sync`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 200,
      call: async (w) => ({ path: `${await seededSource(w)}/sync` }),
    },
    // Facet's own registry: answered without the network.
    [`POST ${MS}/{source}/check`]: {
      level: "system",
      allowed: SYSADMIN,
      ok: 200,
      call: async (w, _t, n) => {
        const name = `mx-check-${n}-${counter++}`;
        await expectOk(api("POST", MS, { token: w.root, body: { name, kind: "modelx" } }), 201);
        return { path: `${MS}/${name}/check` };
      },
    },
  };
}

const TABLE: Record<string, Case> = {
  "POST /api/v1/login": {
    level: "public",
    allowed: EVERYONE,
    ok: 401,
    call: async () => ({ path: "/api/v1/login", body: { username: "nobody-here", password: "wrong-password" } }),
  },
  "GET /api/health": { level: "public", allowed: EVERYONE, ok: 200, call: async () => ({ path: "/api/health" }) },
  "GET /api/v1/openapi.json": {
    level: "public",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/openapi.json" }),
  },
  "GET /api/v1/me": { level: "system", allowed: EVERYONE, ok: 200, call: async () => ({ path: "/api/v1/me" }) },
  // Everyone has an overview; its content follows the caller's memberships (lib/overview tests).
  "GET /api/v1/overview": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/overview" }),
  },
  "GET /api/v1/users": { level: "system", allowed: SYSADMIN, ok: 200, call: async () => ({ path: "/api/v1/users" }) },
  "POST /api/v1/users": {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async () => ({ path: "/api/v1/users", body: { username: uniqueName("new"), password: "long-enough-pw" } }),
  },
  "GET /api/v1/users/{username}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: `/api/v1/users/${await freshUser()}` }),
  },
  "PATCH /api/v1/users/{username}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: `/api/v1/users/${await freshUser()}`, body: { displayName: "X" } }),
  },
  "DELETE /api/v1/users/{username}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async () => ({ path: `/api/v1/users/${await freshUser()}` }),
  },
  "GET /api/v1/audit": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/audit?limit=5" }),
  },
  "GET /api/v1/tenants": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/tenants" }),
  },
  "POST /api/v1/tenants": {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async () => ({ path: "/api/v1/tenants", body: { name: uniqueName("t") } }),
  },
  "GET /api/v1/tenants/{tenant}": { level: "tenant", allowed: IN_TENANT, ok: 200, call: async (w) => ({ path: T(w) }) },
  "PATCH /api/v1/tenants/{tenant}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: T(w), body: { description: `d${counter++}` } }),
  },
  // The tenant has projects, so an allowed caller gets 409 and nothing is deleted.
  "DELETE /api/v1/tenants/{tenant}": {
    level: "tenant",
    allowed: SYSADMIN,
    ok: 409,
    call: async (w) => ({ path: T(w) }),
  },
  "GET /api/v1/tenants/{tenant}/members": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/members` }),
  },
  "POST /api/v1/tenants/{tenant}/members": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 201,
    call: async (w) => ({ path: `${T(w)}/members`, body: { username: await freshUser(), role: "member" } }),
  },
  "PUT /api/v1/tenants/{tenant}/members/{username}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/members/${await freshUser()}`, body: { role: "member" } }),
  },
  "DELETE /api/v1/tenants/{tenant}/members/{username}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 204,
    call: async (w) => ({ path: `${T(w)}/members/${await tenantMember(w)}` }),
  },
  "GET /api/v1/tenants/{tenant}/quotas": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/quotas` }),
  },
  "GET /api/v1/tenants/{tenant}/quotas/{cluster}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/quotas/sandbox` }),
  },
  "PUT /api/v1/tenants/{tenant}/quotas/{cluster}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/quotas/sandbox`, body: generousQuota }),
  },
  "GET /api/v1/tenants/{tenant}/projects": {
    level: "tenant",
    allowed: IN_TENANT,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/projects` }),
  },
  "POST /api/v1/tenants/{tenant}/projects": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 201,
    call: async (w) => ({ path: `${T(w)}/projects`, body: { name: uniqueName("p") } }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}": {
    level: "project",
    allowed: PROJECT_READER,
    ok: 200,
    call: async (w) => ({ path: P(w) }),
  },
  "PATCH /api/v1/tenants/{tenant}/projects/{project}": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: P(w), body: { description: `d${counter++}` } }),
  },
  // The project has environments: an allowed caller gets 409.
  "DELETE /api/v1/tenants/{tenant}/projects/{project}": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 409,
    call: async (w) => ({ path: P(w) }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/members": {
    level: "project",
    allowed: PROJECT_READER,
    ok: 200,
    call: async (w) => ({ path: `${P(w)}/members` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/members": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 201,
    call: async (w) => ({ path: `${P(w)}/members`, body: { username: await tenantMember(w), role: "dev" } }),
  },
  "PUT /api/v1/tenants/{tenant}/projects/{project}/members/{username}": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${P(w)}/members/${await tenantMember(w)}`, body: { role: "test" } }),
  },
  "DELETE /api/v1/tenants/{tenant}/projects/{project}/members/{username}": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 204,
    call: async (w) => {
      const u = await tenantMember(w);
      await expectOk(api("POST", `${P(w)}/members`, { token: w.root, body: { username: u, role: "dev" } }), 201);
      return { path: `${P(w)}/members/${u}` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments": {
    level: "project",
    allowed: IN_TENANT,
    ok: 200,
    call: async (w) => ({ path: `${P(w)}/environments` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments": {
    level: "project",
    allowed: PROJECT_ADMIN,
    ok: 201,
    call: async (w) => ({
      path: `${P(w)}/environments`,
      body: { name: uniqueName("e"), type: "dev", cluster: "sandbox", quota: tinyQuota },
    }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: E(w, t) }),
  },
  "PATCH /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: E(w, t), body: { description: `d${counter++}` } }),
  },
  "DELETE /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}": {
    level: "environment",
    allowed: PROJECT_ADMIN,
    ok: 204,
    call: async (w, t) => {
      const name = uniqueName(`del-${t}`);
      await expectOk(
        api("POST", `${P(w)}/environments`, {
          token: w.root,
          body: { name, type: t, cluster: "sandbox", quota: tinyQuota },
        }),
        201,
      );
      await addEnvMembers(w, `${P(w)}/environments/${name}`);
      return { path: `${P(w)}/environments/${name}` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/members": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/members` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/members": {
    level: "environment",
    allowed: PROJECT_ADMIN,
    ok: 201,
    call: async (w, t) => ({ path: `${E(w, t)}/members`, body: { username: await tenantMember(w), role: "reader" } }),
  },
  "PUT /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/members/{username}": {
    level: "environment",
    allowed: PROJECT_ADMIN,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/members/${await tenantMember(w)}`, body: { role: "operator" } }),
  },
  "DELETE /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/members/{username}": {
    level: "environment",
    allowed: PROJECT_ADMIN,
    ok: 204,
    call: async (w, t) => {
      const u = await tenantMember(w);
      await expectOk(api("POST", `${E(w, t)}/members`, { token: w.root, body: { username: u, role: "reader" } }), 201);
      return { path: `${E(w, t)}/members/${u}` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/applications` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications": {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => ({ path: `${E(w, t)}/applications`, body: { name: uniqueName("a"), image: "nginx:1.27" } }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications/{application}": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/applications/web` }),
  },
  "PATCH /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications/{application}": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/applications/web`, body: { replicas: 1 + (counter++ % 3) } }),
  },
  "DELETE /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications/{application}": {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t) => {
      const name = uniqueName("a");
      await expectOk(
        api("POST", `${E(w, t)}/applications`, { token: w.root, body: { name, image: "nginx:1.27" } }),
        201,
      );
      return { path: `${E(w, t)}/applications/${name}` };
    },
  },
};

const pods = async (w: World, t: EnvType) =>
  await expectOk<{ pods: { name: string; phase: string }[]; namespace: string }>(
    api("GET", `${E(w, t)}/workloads`, { token: w.root }),
  );

Object.assign(TABLE, {
  "GET /api/v1/clusters": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters" }),
  },
  "POST /api/v1/clusters": {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async () => ({
      path: "/api/v1/clusters",
      body: {
        name: uniqueName("imp"),
        kubeconfig: renderKubeconfig({ origin: sandbox.server.origin, token: sandbox.token }),
      },
    }),
  },
  "GET /api/v1/clusters/{cluster}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox" }),
  },
  "DELETE /api/v1/clusters/{cluster}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async () => {
      const name = uniqueName("gone");
      await getDb()
        .insert(clusters)
        .values({
          name,
          kind: "imported",
          server: "http://127.0.0.1:9",
          kubeconfig: seal(renderKubeconfig({ origin: "http://127.0.0.1:9", token: "fsb_x" })),
        });
      return { path: `/api/v1/clusters/${name}` };
    },
  },
  "GET /api/v1/clusters/{cluster}/kubeconfig": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/kubeconfig" }),
  },
  "GET /api/v1/clusters/{cluster}/nodes": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/nodes" }),
  },
  // The sandbox's scheduler places pods whatever the node's cordon, so other rows are unaffected.
  "POST /api/v1/clusters/{cluster}/nodes/{node}/cordon": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/nodes/sandbox-node-1/cordon" }),
  },
  "POST /api/v1/clusters/{cluster}/nodes/{node}/uncordon": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/nodes/sandbox-node-1/uncordon" }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/usage": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/usage` }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/workloads": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/workloads` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/sync": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/sync` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications/{application}/scale": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/applications/web/scale`, body: { replicas: 1 } }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/applications/{application}/restart": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/applications/web/restart` }),
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/pods/{pod}/logs": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => {
      // Rollouts of earlier rows replace pods; take one that runs now.
      const pod = await eventually(
        async () => (await pods(w, t)).pods.find((p) => p.phase === "Running"),
        20_000,
        "a running pod",
      );
      return { path: `${E(w, t)}/pods/${pod.name}/logs?tail=3` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}/{name}": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/objects/configmaps/settings` }),
  },
  "PUT /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}/{name}": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      // A ConfigMap: no controller touches it between this read and the write.
      const current = await expectOk<{ yaml: string }>(
        api("GET", `${E(w, t)}/objects/configmaps/settings`, { token: w.root }),
      );
      return { path: `${E(w, t)}/objects/configmaps/settings`, body: { yaml: current.yaml } };
    },
  },
  "DELETE /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}/{name}": {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t) => {
      const name = uniqueName("cm");
      const { namespace } = await pods(w, t);
      expect((await kubectl(sandbox, ["-n", namespace, "create", "configmap", name])).code).toBe(0);
      return { path: `${E(w, t)}/objects/configmaps/${name}` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/objects/secrets?limit=5` }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}": {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => ({
      path: `${E(w, t)}/objects/configmaps`,
      body: { yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${uniqueName("cm")}\ndata:\n  k: v\n` },
    }),
  },
  "POST /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/objects/{resource}/{name}/reveal": {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      const name = uniqueName("sec");
      const { namespace } = await pods(w, t);
      const made = await kubectl(sandbox, ["-n", namespace, "create", "secret", "generic", name, "--from-literal=k=v"]);
      expect(made.code, made.stderr).toBe(0);
      return { path: `${E(w, t)}/objects/secrets/${name}/reveal` };
    },
  },
  "GET /api/v1/tenants/{tenant}/projects/{project}/environments/{environment}/events": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/events?type=Warning&limit=10` }),
  },
} satisfies Record<string, Case>);

const ldapBody = () => ({
  name: uniqueName("src"),
  kind: "ldap",
  displayName: "Directory",
  config: { url: "ldap://127.0.0.1:9", baseDn: "dc=x" },
});
const freshSource = async (w: World) => {
  const body = ldapBody();
  await expectOk(api("POST", "/api/v1/auth-sources", { token: w.root, body }), 201);
  return body.name;
};

Object.assign(TABLE, {
  "GET /api/v1/auth-sources": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/auth-sources" }),
  },
  "POST /api/v1/auth-sources": {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async () => ({ path: "/api/v1/auth-sources", body: ldapBody() }),
  },
  "GET /api/v1/auth-sources/{name}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: `/api/v1/auth-sources/${await freshSource(w)}` }),
  },
  "PATCH /api/v1/auth-sources/{name}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: `/api/v1/auth-sources/${await freshSource(w)}`, body: { enabled: false } }),
  },
  "DELETE /api/v1/auth-sources/{name}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async (w) => ({ path: `/api/v1/auth-sources/${await freshSource(w)}` }),
  },
  // The source points nowhere: the test itself runs (200) and reports the failed step.
  "POST /api/v1/auth-sources/{name}/test": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: `/api/v1/auth-sources/${await freshSource(w)}/test` }),
  },
  "GET /api/v1/me/tokens": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/me/tokens" }),
  },
  "POST /api/v1/me/tokens": {
    level: "system",
    allowed: EVERYONE,
    ok: 201,
    call: async () => ({ path: "/api/v1/me/tokens", body: { name: "ci", expiresInDays: 1 } }),
  },
} satisfies Record<string, Case>);

Object.assign(TABLE, {
  // Everyone revokes a token of their own, made just before as that role.
  "DELETE /api/v1/me/tokens/{id}": {
    level: "system",
    allowed: EVERYONE,
    ok: 204,
    call: async (w: World, _t: EnvType, _n: number, role: Role) => {
      const made = await expectOk<{ id: number }>(
        api("POST", "/api/v1/me/tokens", { token: w.tokens[role], body: { name: "short-lived", expiresInDays: 1 } }),
        201,
      );
      return { path: `/api/v1/me/tokens/${made.id}` };
    },
  },
  // Everyone lists and revokes the sandbox credentials they own (sysadmins download them).
  "GET /api/v1/me/sandbox-credentials": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/me/sandbox-credentials" }),
  },
  "DELETE /api/v1/me/sandbox-credentials/{id}": {
    level: "system",
    allowed: EVERYONE,
    ok: 204,
    call: async (w: World, _t: EnvType, _n: number, role: Role) => {
      const owner = await authenticateToken(w.tokens[role]);
      const issued = await issueSandboxToken({ name: "matrix", ttlSeconds: 600, userId: owner.id });
      return { path: `/api/v1/me/sandbox-credentials/${issued.id}` };
    },
  },
} satisfies Record<string, Case>);

// Config center: every call prepares the config, history entry or key it needs, as root.
const CFG = "/api/v1/tenants/{tenant}/projects/{project}/environments/{environment}";
const seedConfig = async (w: World, t: EnvType, dataId = uniqueName("cfg")) => {
  await expectOk(api("PUT", `${E(w, t)}/configs/${dataId}`, { token: w.root, body: { content: `n=${counter++}` } }));
  return `${E(w, t)}/configs/${dataId}`;
};
const updatedConfig = async (w: World, t: EnvType) => {
  const path = await seedConfig(w, t);
  await expectOk(api("PUT", path, { token: w.root, body: { content: `n=${counter++}` } }));
  const { items } = await expectOk<{ items: { id: number }[] }>(api("GET", `${path}/history`, { token: w.root }));
  return { path, historyId: items[0].id };
};

Object.assign(TABLE, {
  [`GET ${CFG}/configs`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/configs` }),
  },
  [`POST ${CFG}/configs`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => ({ path: `${E(w, t)}/configs`, body: { dataId: uniqueName("cfg"), content: "a=1" } }),
  },
  [`GET ${CFG}/configs/{dataId}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: await seedConfig(w, t, "shared.properties") }),
  },
  [`PUT ${CFG}/configs/{dataId}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/configs/shared.properties`, body: { content: `n=${counter++}` } }),
  },
  [`DELETE ${CFG}/configs/{dataId}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t) => ({ path: await seedConfig(w, t) }),
  },
  [`GET ${CFG}/configs/{dataId}/history`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${await seedConfig(w, t, "shared.properties")}/history` }),
  },
  [`GET ${CFG}/configs/{dataId}/history/{id}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => {
      const { path, historyId } = await updatedConfig(w, t);
      return { path: `${path}/history/${historyId}` };
    },
  },
  [`POST ${CFG}/configs/{dataId}/rollback`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      const { path, historyId } = await updatedConfig(w, t);
      return { path: `${path}/rollback`, body: { historyId } };
    },
  },
  [`GET ${CFG}/configs/{dataId}/listeners`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${await seedConfig(w, t, "shared.properties")}/listeners` }),
  },
  [`GET ${CFG}/config-keys`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/config-keys` }),
  },
  [`POST ${CFG}/config-keys`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => ({ path: `${E(w, t)}/config-keys`, body: { name: uniqueName("key"), access: "read-only" } }),
  },
  [`DELETE ${CFG}/config-keys/{id}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t) => {
      const key = await expectOk<{ id: number }>(
        api("POST", `${E(w, t)}/config-keys`, {
          token: w.root,
          body: { name: uniqueName("key"), access: "read-write" },
        }),
        201,
      );
      return { path: `${E(w, t)}/config-keys/${key.id}` };
    },
  },
} satisfies Record<string, Case>);

// Telemetry: traces are seeded straight into each environment's namespace; tokens are made as root.
const tracesOf = new Map<EnvType, string>();
const seededTrace = async (w: World, t: EnvType) => {
  if (!tracesOf.has(t)) tracesOf.set(t, await seedTrace(`${w.tenant}-env-${t}`));
  return tracesOf.get(t)!;
};
const OTLP = { level: "public", allowed: EVERYONE, ok: 401 } as const;

Object.assign(TABLE, {
  // Without an ingest token the receiver answers 401 to everyone.
  "POST /api/otlp/v1/traces": {
    ...OTLP,
    call: async () => ({ path: "/api/otlp/v1/traces", body: { resourceSpans: [] } }),
  },
  "POST /api/otlp/v1/logs": { ...OTLP, call: async () => ({ path: "/api/otlp/v1/logs", body: { resourceLogs: [] } }) },
  "POST /api/otlp/v1/metrics": {
    ...OTLP,
    call: async () => ({ path: "/api/otlp/v1/metrics", body: { resourceMetrics: [] } }),
  },
  "GET /api/v1/clusters/{cluster}/ingest-tokens": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/ingest-tokens" }),
  },
  "POST /api/v1/clusters/{cluster}/ingest-tokens": {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async () => ({ path: "/api/v1/clusters/sandbox/ingest-tokens", body: { name: uniqueName("collector") } }),
  },
  "DELETE /api/v1/clusters/{cluster}/ingest-tokens/{id}": {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async (w) => {
      const made = await expectOk<{ id: number }>(
        api("POST", "/api/v1/clusters/sandbox/ingest-tokens", { token: w.root, body: { name: uniqueName("gone") } }),
        201,
      );
      return { path: `/api/v1/clusters/sandbox/ingest-tokens/${made.id}` };
    },
  },
  "GET /api/v1/clusters/{cluster}/telemetry-backends": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/telemetry-backends" }),
  },
  // An empty body changes nothing: the sandbox keeps Facet's own store.
  "PUT /api/v1/clusters/{cluster}/telemetry-backends": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/telemetry-backends", body: {} }),
  },
  "GET /api/v1/clusters/{cluster}/config-backend": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/config-backend" }),
  },
  // The sandbox keeps its configs in Facet's own store: saying so again changes nothing.
  "PUT /api/v1/clusters/{cluster}/config-backend": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/config-backend", body: { kind: "embedded" } }),
  },
  "GET /api/v1/clusters/{cluster}/namespace-policy": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/namespace-policy" }),
  },
  // The defaults, said again: changes nothing.
  "PUT /api/v1/clusters/{cluster}/namespace-policy": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/namespace-policy", body: {} }),
  },
  "GET /api/v1/system/traces": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/system/traces" }),
  },
  "GET /api/v1/system/logs": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/system/logs" }),
  },
  "GET /api/v1/system/apm/services": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/system/apm/services" }),
  },
  "GET /api/v1/system/apm/services/{service}/operations": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/system/apm/services/facet/operations" }),
  },
  // A trace by id is authorized in the environment it lies in.
  "GET /api/v1/traces/{traceId}": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    denied: 404,
    call: async (w, t) => ({ path: `/api/v1/traces/${await seededTrace(w, t)}` }),
  },
  "GET /api/v1/traces/{traceId}/logs": {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    denied: 404,
    call: async (w, t) => ({ path: `/api/v1/traces/${await seededTrace(w, t)}/logs` }),
  },
  [`GET ${CFG}/ingest-tokens`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/ingest-tokens` }),
  },
  [`POST ${CFG}/ingest-tokens`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => ({ path: `${E(w, t)}/ingest-tokens`, body: { name: uniqueName("app") } }),
  },
  [`DELETE ${CFG}/ingest-tokens/{id}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t) => {
      const made = await expectOk<{ id: number }>(
        api("POST", `${E(w, t)}/ingest-tokens`, { token: w.root, body: { name: uniqueName("gone") } }),
        201,
      );
      return { path: `${E(w, t)}/ingest-tokens/${made.id}` };
    },
  },
  [`GET ${CFG}/traces`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/traces?service=web` }),
  },
  [`GET ${CFG}/traces/{traceId}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/traces/${await seededTrace(w, t)}` }),
  },
  [`GET ${CFG}/logs`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logs?q=served` }),
  },
  [`GET ${CFG}/metrics`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/metrics?match.service=web` }),
  },
  [`GET ${CFG}/metrics/names`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/metrics/names` }),
  },
  [`GET ${CFG}/metrics/labels`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/metrics/labels?metric=up` }),
  },
  [`GET ${CFG}/apm/services`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/apm/services` }),
  },
  [`GET ${CFG}/apm/services/{service}/operations`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/apm/services/web/operations?series=true` }),
  },
} satisfies Record<string, Case>);

// Logging: Flows and Outputs per environment, ClusterFlows and ClusterOutputs per cluster;
// each call makes the object it needs, as root. The CRDs are installed in buildWorld.
const LOG = `${CFG}/logging`;
const CLOG = "/api/v1/clusters/{cluster}/logging";
const logFlow = (kind: string, name: string) =>
  `apiVersion: logging.banzaicloud.io/v1beta1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec: {}\n`;
const logOutput = (name: string) => ({ name, type: "http", settings: { endpoint: "http://logs.example/in" } });
// Cluster objects outlive this suite's tenant (the sandbox is shared by the run): a name of its own.
const CSEED = uniqueName("seed");
const seededLog = async (path: string, body: unknown) => {
  await expectOk(api("POST", path, { token: world.root, body }), 201);
};
Object.assign(TABLE, {
  [`GET ${LOG}/flows`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/flows` }),
  },
  [`POST ${LOG}/flows`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t, n) => ({ path: `${E(w, t)}/logging/flows`, body: { yaml: logFlow("Flow", `mx-${n}`) } }),
  },
  [`GET ${LOG}/flows/{name}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/flows/seed` }),
  },
  [`PUT ${LOG}/flows/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/flows/seed`, body: { yaml: logFlow("Flow", "seed") } }),
  },
  [`DELETE ${LOG}/flows/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t, n) => {
      await seededLog(`${E(w, t)}/logging/flows`, { yaml: logFlow("Flow", `del-${n}`) });
      return { path: `${E(w, t)}/logging/flows/del-${n}` };
    },
  },
  [`GET ${LOG}/outputs`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/outputs` }),
  },
  [`POST ${LOG}/outputs`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t, n) => ({ path: `${E(w, t)}/logging/outputs`, body: logOutput(`mx-${n}`) }),
  },
  [`GET ${LOG}/outputs/{name}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/outputs/seed` }),
  },
  [`PUT ${LOG}/outputs/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/outputs/seed`, body: logOutput("seed") }),
  },
  [`DELETE ${LOG}/outputs/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t, n) => {
      await seededLog(`${E(w, t)}/logging/outputs`, logOutput(`del-${n}`));
      return { path: `${E(w, t)}/logging/outputs/del-${n}` };
    },
  },
  [`POST ${LOG}/validate`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t, n) => ({ path: `${E(w, t)}/logging/validate`, body: { yaml: logFlow("Flow", `v-${n}`) } }),
  },
  [`PUT ${LOG}/collect-all`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/logging/collect-all`, body: { enabled: false } }),
  },
  [`GET ${CLOG}/cluster-flows`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/logging/cluster-flows" }),
  },
  [`POST ${CLOG}/cluster-flows`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async (_w, _t, n) => ({
      path: "/api/v1/clusters/sandbox/logging/cluster-flows",
      body: { yaml: logFlow("ClusterFlow", `mx-${n}`) },
    }),
  },
  [`GET ${CLOG}/cluster-flows/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: `/api/v1/clusters/sandbox/logging/cluster-flows/${CSEED}` }),
  },
  [`PUT ${CLOG}/cluster-flows/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({
      path: `/api/v1/clusters/sandbox/logging/cluster-flows/${CSEED}`,
      body: { yaml: logFlow("ClusterFlow", CSEED) },
    }),
  },
  [`DELETE ${CLOG}/cluster-flows/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async (_w, _t, n) => {
      await seededLog("/api/v1/clusters/sandbox/logging/cluster-flows", { yaml: logFlow("ClusterFlow", `del-${n}`) });
      return { path: `/api/v1/clusters/sandbox/logging/cluster-flows/del-${n}` };
    },
  },
  [`GET ${CLOG}/cluster-outputs`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/clusters/sandbox/logging/cluster-outputs" }),
  },
  [`POST ${CLOG}/cluster-outputs`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async (_w, _t, n) => ({
      path: "/api/v1/clusters/sandbox/logging/cluster-outputs",
      body: logOutput(`mx-${n}`),
    }),
  },
  [`GET ${CLOG}/cluster-outputs/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: `/api/v1/clusters/sandbox/logging/cluster-outputs/${CSEED}` }),
  },
  [`PUT ${CLOG}/cluster-outputs/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({
      path: `/api/v1/clusters/sandbox/logging/cluster-outputs/${CSEED}`,
      body: logOutput(CSEED),
    }),
  },
  [`DELETE ${CLOG}/cluster-outputs/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async (_w, _t, n) => {
      await seededLog("/api/v1/clusters/sandbox/logging/cluster-outputs", logOutput(`del-${n}`));
      return { path: `/api/v1/clusters/sandbox/logging/cluster-outputs/del-${n}` };
    },
  },
} satisfies Record<string, Case>);

// Model deployments: environment readers read and infer, writers by environment type deploy.
// buildWorld publishes the built-in models and deploys `seed` (sentiment-en) in each environment.
const MD = `${CFG}/model-deployments`;
const mdBody = (name: string) => ({
  name,
  source: "facet",
  model: "sentiment-en",
  version: "v1",
  replicas: 1,
  resources: { cpu: "20m", memory: "32Mi" },
});
const seededDeployment = async (w: World, t: EnvType, name: string) => {
  await expectOk(api("POST", `${E(w, t)}/model-deployments`, { token: w.root, body: mdBody(name) }), 201);
};
Object.assign(TABLE, {
  [`GET ${MD}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/model-deployments` }),
  },
  [`POST ${MD}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t, n) => ({ path: `${E(w, t)}/model-deployments`, body: mdBody(`mx-${n}`) }),
  },
  [`GET ${MD}/{name}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/model-deployments/seed` }),
  },
  [`PUT ${MD}/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/model-deployments/seed`, body: { replicas: 1 } }),
  },
  [`DELETE ${MD}/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t, n) => {
      await seededDeployment(w, t, `del-${n}`);
      return { path: `${E(w, t)}/model-deployments/del-${n}` };
    },
  },
  [`GET ${MD}/{name}/v2/{path}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/model-deployments/seed/v2/health/live` }),
  },
  [`POST ${MD}/{name}/v2/{path}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    reads: true,
    call: async (w, t) => ({
      path: `${E(w, t)}/model-deployments/seed/v2/models/seed/infer`,
      body: { inputs: [{ name: "args", shape: [1], datatype: "BYTES", data: ["I love this"] }] },
    }),
  },
} satisfies Record<string, Case>);

// Alert channels (tenant admin; system ones the sysadmin's) and the caller's own notifications.
const CH = "/api/v1/tenants/{tenant}/alert-channels";
const SCH = "/api/v1/alert-channels";
const channelBody = (name: string) => ({ name, kind: "webhook", config: { url: "http://127.0.0.1:9/hook" } });
/** A channel made by root (once per name); a 409 means it is already there. */
const seededChannel = async (path: string, name: string) => {
  const res = await api("POST", path, { token: world.root, body: channelBody(name) });
  if (res.status !== 201 && res.status !== 409) throw new Error(`seeding ${path}/${name}: ${res.status}`);
  return `${path}/${name}`;
};
Object.assign(TABLE, {
  [`GET ${CH}`]: {
    level: "tenant",
    allowed: IN_TENANT,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/alert-channels` }),
  },
  [`POST ${CH}`]: {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 201,
    call: async (w, _t, n) => ({ path: `${T(w)}/alert-channels`, body: channelBody(`mx-ch-${n}`) }),
  },
  [`GET ${CH}/{name}`]: {
    level: "tenant",
    allowed: IN_TENANT,
    ok: 200,
    call: async (w) => ({ path: await seededChannel(`${T(w)}/alert-channels`, "mx-seed") }),
  },
  [`PUT ${CH}/{name}`]: {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({
      path: await seededChannel(`${T(w)}/alert-channels`, "mx-seed"),
      body: channelBody("mx-seed"),
    }),
  },
  [`DELETE ${CH}/{name}`]: {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 204,
    call: async (w, _t, n) => ({ path: await seededChannel(`${T(w)}/alert-channels`, `mx-del-${n}`) }),
  },
  [`POST ${CH}/{name}/test`]: {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `${await seededChannel(`${T(w)}/alert-channels`, "mx-seed")}/test` }),
  },
  [`GET ${SCH}`]: { level: "system", allowed: SYSADMIN, ok: 200, call: async () => ({ path: SCH }) },
  [`POST ${SCH}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 201,
    call: async (_w, _t, n) => ({ path: SCH, body: channelBody(`mx-sys-${uniqueName("c")}-${n}`) }),
  },
  [`GET ${SCH}/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: await seededChannel(SCH, `mx-${w.tenant}`) }),
  },
  [`PUT ${SCH}/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: await seededChannel(SCH, `mx-${w.tenant}`), body: channelBody(`mx-${w.tenant}`) }),
  },
  [`DELETE ${SCH}/{name}`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 204,
    call: async (_w, _t, n) => ({ path: await seededChannel(SCH, `mx-sdel-${uniqueName("c")}-${n}`) }),
  },
  [`POST ${SCH}/{name}/test`]: {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async (w) => ({ path: `${await seededChannel(SCH, `mx-${w.tenant}`)}/test` }),
  },
  "GET /api/v1/me/notifications": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/me/notifications?unread=true" }),
  },
  "POST /api/v1/me/notifications/read": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/me/notifications/read", body: { all: true } }),
  },
  ...modelCatalogRows(),
} satisfies Record<string, Case>);

// Probes: each call makes the probe it needs, as root (a seed per environment, made once).
const PRB = `${CFG}/probes`;
const probeBody = (name: string) => ({ name, kind: "http", target: "http://127.0.0.1:1/healthz" });
const seededProbe = async (w: World, t: EnvType, name = "seed") => {
  const res = await api("POST", `${E(w, t)}/probes`, { token: w.root, body: probeBody(name) });
  if (res.status !== 201 && res.status !== 409) throw new Error(`probe seed answered ${res.status}`);
  return `${E(w, t)}/probes/${name}`;
};
Object.assign(TABLE, {
  [`GET ${PRB}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/probes` }),
  },
  [`POST ${PRB}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t, n) => ({ path: `${E(w, t)}/probes`, body: probeBody(`mx-${n}`) }),
  },
  [`GET ${PRB}/{name}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: await seededProbe(w, t) }),
  },
  [`PUT ${PRB}/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      const { name: _name, ...body } = probeBody("seed");
      return { path: await seededProbe(w, t), body: { ...body, intervalSeconds: 30 + (counter++ % 60) } };
    },
  },
  [`DELETE ${PRB}/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 204,
    call: async (w, t, n) => ({ path: await seededProbe(w, t, `del-${n}`) }),
  },
  [`GET ${PRB}/{name}/results`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${await seededProbe(w, t)}/results` }),
  },
  [`GET ${PRB}/{name}/probe-object`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${await seededProbe(w, t)}/probe-object` }),
  },
} satisfies Record<string, Case>);

// Alert rules, alerts and silences per environment; the template catalogue; the tenant overview.
// Each call makes what it needs as root (a rule, a firing alert, a silence).
const alertRule = (name: string) => ({
  name,
  kind: "log",
  levels: [{ op: ">", value: 0, severity: "warning" }],
  log: { matchers: { service: "web" }, regex: "ERROR", windowSeconds: 300 },
});
const seededRule = async (w: World, t: EnvType, name = "seed") => {
  const res = await api("POST", `${E(w, t)}/alert-rules`, { token: w.root, body: alertRule(name) });
  if (res.status !== 201 && res.status !== 409) throw new Error(`seed rule: ${res.status}`);
};
const firingAlert = async (w: World, t: EnvType): Promise<number> => {
  await seededRule(w, t);
  const { alertInstances, alertRules, environments, tenants } = await import("@/lib/db/schema");
  const { and, eq } = await import("drizzle-orm");
  const [rule] = await getDb()
    .select({ id: alertRules.id, tenantId: alertRules.tenantId, environmentId: alertRules.environmentId })
    .from(alertRules)
    .innerJoin(environments, eq(environments.id, alertRules.environmentId))
    .innerJoin(tenants, eq(tenants.id, alertRules.tenantId))
    .where(and(eq(alertRules.name, "seed"), eq(environments.name, `env-${t}`), eq(tenants.name, w.tenant)));
  const now = new Date();
  const [res] = await getDb()
    .insert(alertInstances)
    .values({
      tenantId: rule.tenantId,
      environmentId: rule.environmentId,
      ruleId: rule.id,
      fingerprint: "0".repeat(32),
      labels: {},
      severity: "warning",
      state: "firing",
      value: 1,
      message: "seeded",
      startedAt: now,
      firedAt: now,
      lastEvalAt: now,
    });
  return Number(res.insertId);
};
const silenceBody = () => ({ rule: "seed", endsAt: new Date(Date.now() + 3600_000).toISOString(), comment: "matrix" });
Object.assign(TABLE, {
  [`GET ${CFG}/alert-rules`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/alert-rules` }),
  },
  [`POST ${CFG}/alert-rules`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t, n) => ({ path: `${E(w, t)}/alert-rules`, body: alertRule(`mx-${n}`) }),
  },
  [`GET ${CFG}/alert-rules/{name}`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => {
      await seededRule(w, t);
      return { path: `${E(w, t)}/alert-rules/seed` };
    },
  },
  [`PUT ${CFG}/alert-rules/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      await seededRule(w, t);
      return { path: `${E(w, t)}/alert-rules/seed`, body: alertRule("seed") };
    },
  },
  [`DELETE ${CFG}/alert-rules/{name}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t, n) => {
      await seededRule(w, t, `del-${n}`);
      return { path: `${E(w, t)}/alert-rules/del-${n}` };
    },
  },
  [`GET ${CFG}/alert-rules/{name}/prometheus-rule`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => {
      const res = await api("POST", `${E(w, t)}/alert-rules`, {
        token: w.root,
        body: {
          name: "seed-metric",
          kind: "metric",
          levels: [{ op: ">", value: 1, severity: "warning" }],
          metric: { template: { scope: "apm", resource: "service", rule: "error-rate" } },
        },
      });
      if (res.status !== 201 && res.status !== 409) throw new Error(`seed metric rule: ${res.status}`);
      return { path: `${E(w, t)}/alert-rules/seed-metric/prometheus-rule` };
    },
  },
  [`GET ${CFG}/alerts`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/alerts?state=firing&severity=warning` }),
  },
  [`POST ${CFG}/alerts/{id}/acknowledge`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/alerts/${await firingAlert(w, t)}/acknowledge` }),
  },
  [`GET ${CFG}/silences`]: {
    level: "environment",
    allowed: ENV_READER,
    ok: 200,
    call: async (w, t) => ({ path: `${E(w, t)}/silences` }),
  },
  [`POST ${CFG}/silences`]: {
    level: "environment",
    allowed: envWriter,
    ok: 201,
    call: async (w, t) => {
      await seededRule(w, t);
      return { path: `${E(w, t)}/silences`, body: silenceBody() };
    },
  },
  [`DELETE ${CFG}/silences/{id}`]: {
    level: "environment",
    allowed: envWriter,
    ok: 200,
    call: async (w, t) => {
      await seededRule(w, t);
      const s = await expectOk<{ id: number }>(
        api("POST", `${E(w, t)}/silences`, { token: w.root, body: silenceBody() }),
        201,
      );
      return { path: `${E(w, t)}/silences/${s.id}` };
    },
  },
  "GET /api/v1/search": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async (w) => ({ path: `/api/v1/search?q=${w.tenant}` }),
  },
  "GET /api/v1/alert-templates": {
    level: "system",
    allowed: EVERYONE,
    ok: 200,
    call: async () => ({ path: "/api/v1/alert-templates" }),
  },
  "GET /api/v1/tenants/{tenant}/alerts/overview": {
    level: "tenant",
    allowed: IN_TENANT,
    ok: 200,
    call: async (w) => ({ path: `${T(w)}/alerts/overview` }),
  },
} satisfies Record<string, Case>);

// Audit scoped to a tenant shares the route with the global one; it is its own row of the matrix.
const EXTRA: Record<string, Case> = {
  "GET /api/v1/audit?tenant={tenant}": {
    level: "tenant",
    allowed: TENANT_ADMIN,
    ok: 200,
    call: async (w) => ({ path: `/api/v1/audit?tenant=${w.tenant}&limit=5` }),
  },
  "GET /api/v1/me/sandbox-credentials?all=true": {
    level: "system",
    allowed: SYSADMIN,
    ok: 200,
    call: async () => ({ path: "/api/v1/me/sandbox-credentials?all=true" }),
  },
};

async function addEnvMembers(w: World, envPath: string) {
  await expectOk(
    api("PUT", `${envPath}/members/${userOf.get("env-reader")}`, { token: w.root, body: { role: "reader" } }),
  );
  await expectOk(
    api("PUT", `${envPath}/members/${userOf.get("env-operator")}`, { token: w.root, body: { role: "operator" } }),
  );
}

const userOf = new Map<Role, string>();
const world = {} as World;
let sandbox: Sandbox;

async function buildWorld(): Promise<World> {
  sandbox = await startSandbox();
  process.env.FACET_INTERNAL_URL = sandbox.server.origin;
  await installLoggingCrds({ server: sandbox.server.href, token: sandbox.token });
  world.root = await sysadminToken();
  world.tenant = uniqueName("mx");
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const u = await createUser({ username: uniqueName(role), systemRole: role === "sysadmin" ? "sysadmin" : "normal" });
    userOf.set(role, u.username);
    tokens[role] = (await createToken(u.id)).token;
  }
  world.tokens = tokens;
  const root = world.root;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: world.tenant } }), 201);
  const other = uniqueName("other");
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${other}/members`, {
      token: root,
      body: { username: userOf.get("outsider"), role: "admin" },
    }),
    201,
  );
  await expectOk(api("PUT", `${T(world)}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `${T(world)}/projects`, { token: root, body: { name: "shop" } }), 201);
  for (const role of IN_TENANT.filter((r) => r !== "sysadmin")) {
    await expectOk(
      api("POST", `${T(world)}/members`, {
        token: root,
        body: { username: userOf.get(role), role: role === "tenant-admin" ? "admin" : "member" },
      }),
      201,
    );
  }
  for (const role of ["admin", "dev", "test", "ops"]) {
    await expectOk(
      api("POST", `${P(world)}/members`, {
        token: root,
        body: { username: userOf.get(`project-${role}` as Role), role },
      }),
      201,
    );
  }
  for (const type of ["dev", "test", "prod"] as EnvType[]) {
    await expectOk(
      api("POST", `${P(world)}/environments`, {
        token: root,
        body: { name: `env-${type}`, type, cluster: "sandbox", quota: podQuota },
      }),
      201,
    );
    await addEnvMembers(world, E(world, type));
    await expectOk(
      api("POST", `${E(world, type)}/applications`, { token: root, body: { name: "web", image: "nginx:1.27" } }),
      201,
    );
    await expectOk(api("POST", `${E(world, type)}/sync`, { token: root }));
    await eventually(
      async () => (await pods(world, type)).pods.some((p) => p.phase === "Running"),
      20_000,
      `a running pod in env-${type}`,
    );
    await seededLog(`${E(world, type)}/logging/flows`, { yaml: logFlow("Flow", "seed") });
    await seededLog(`${E(world, type)}/logging/outputs`, logOutput("seed"));
    const { namespace } = await pods(world, type);
    expect(
      (await kubectl(sandbox, ["-n", namespace, "create", "configmap", "settings", "--from-literal=mode=demo"])).code,
    ).toBe(0);
  }
  await seedModelDeployments(world);
  await seededLog("/api/v1/clusters/sandbox/logging/cluster-flows", { yaml: logFlow("ClusterFlow", CSEED) });
  await seededLog("/api/v1/clusters/sandbox/logging/cluster-outputs", logOutput(CSEED));
  return world;
}

async function seedModelDeployments(w: World) {
  const { modelSources } = await import("@/lib/db/schema");
  const { publishBuiltinModels } = await import("@/lib/models/builtin-catalog/publish-builtin-models");
  await getDb()
    .insert(modelSources)
    .values({ name: "facet", kind: "modelx", url: null, images: {} })
    .onDuplicateKeyUpdate({ set: { enabled: true } });
  await publishBuiltinModels({ actor: null, scope: {}, requestId: "matrix", clientAddress: null });
  for (const type of ["dev", "test", "prod"] as EnvType[]) await seededDeployment(w, type, "seed");
}

function deniedStatus(c: Case, role: Role): number {
  if (c.denied) return c.denied;
  if (c.level === "system") return 403;
  return role === "outsider" ? 404 : 403;
}

beforeAll(buildWorld, 120_000);
afterAll(async () => {
  // Keep the shared database small for the suites that follow.
  await expectOk(api("DELETE", `${T(world)}?cascade=true`, { token: world.root }), 204);
  await sandbox?.close();
  // The model deployment rows started built-in runtime workers: end them with the suite.
  const { peekProcessSingleton } = await import("@/lib/cache/process-singleton");
  peekProcessSingleton<{ close(): void }>("models.runtime-pool")?.close();
});

describe("authorization matrix", () => {
  const outcomes: { row: string; type?: EnvType; role: Role; expected: number; actual: number }[] = [];

  it("has a row for every route and method of the API", async () => {
    const missing: string[] = [];
    for (const file of apiRouteFiles()) {
      for (const method of METHODS) {
        if (!(await handlerFor(method as Method, file.file))) continue;
        const key = `${method} ${file.template}`;
        if (!TABLE[key]) missing.push(key);
      }
    }
    expect(missing, "routes with no row in the matrix").toEqual([]);
  });

  // One test per route, environment type and role, so a failure names all three.
  const cells = Object.entries({ ...TABLE, ...EXTRA }).flatMap(([key, c]) =>
    (c.level === "environment" ? (["dev", "test", "prod"] as const) : [undefined]).flatMap((type) => {
      const allowed = typeof c.allowed === "function" ? c.allowed(type!) : c.allowed;
      return ROLES.map((role) => ({
        key,
        c,
        type,
        role,
        expected: allowed.includes(role) ? c.ok : deniedStatus(c, role),
      }));
    }),
  );
  afterAll(() => printMatrix(outcomes));

  it.each(cells.map((cell) => ({ ...cell, name: `${cell.key}${cell.type ? ` [${cell.type}]` : ""}` })))(
    "$name as $role answers $expected",
    async ({ key, c, type, role, expected }) => {
      const method = key.split(" ")[0] as Method;
      const call = await c.call(world, type ?? "dev", counter++, role);
      const token = c.level === "public" ? undefined : world.tokens[role];
      const res = await api(method, call.path, { token, body: call.body });
      outcomes.push({ row: key, type, role, expected, actual: res.status });
      expect(res.status, `${method} ${call.path}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe(expected);
    },
  );

  describe("a read-only token, even a sysadmin's, is refused every write and may read", () => {
    let readOnly: string;
    beforeAll(async () => {
      const sysadmin = await createUser({ username: uniqueName("ro"), systemRole: "sysadmin" });
      readOnly = (await createToken(sysadmin.id, { scope: "read-only" })).token;
    });
    const rows = Object.entries({ ...TABLE, ...EXTRA }).filter(([, c]) => c.level !== "public");

    it("covers enough writes to mean something", () => {
      expect(rows.filter(([key]) => !key.startsWith("GET ")).length).toBeGreaterThan(40);
    });

    it.each(rows.map(([key, c]) => ({ key, c, expected: key.startsWith("GET ") || c.reads ? c.ok : 403 })))(
      "$key answers $expected",
      async ({ key, c, expected }) => {
        const call = await c.call(world, "dev", counter++, "sysadmin");
        const res = await api(key.split(" ")[0] as Method, call.path, { token: readOnly, body: call.body });
        expect(res.status).toBe(expected);
      },
    );
  });
});

/** The operation behind a route and method, as route() keeps it on the handler. */
async function operationOf(key: string): Promise<Operation | undefined> {
  const [method, template] = key.split(" ");
  const file = apiRouteFiles().find((f) => f.template === template.split("?")[0]);
  const handler =
    file && ((await handlerFor(method as Method, file.file)) as unknown as { operation?: Operation } | undefined);
  return handler?.operation;
}

/** Splits a path into the params of its route template and its query string. */
function partsOf(template: string, path: string) {
  const url = new URL(path, "http://x");
  const names = [...template.split("?")[0].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pattern = new RegExp(`^${template.split("?")[0].replace(/\{\w+\}/g, "([^/]+)")}$`);
  const values = pattern.exec(url.pathname)!.slice(1);
  return {
    params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i])])),
    query: Object.fromEntries(url.searchParams),
  };
}

describe("authorization matrix of the console's server actions", () => {
  const byOperation = new Map<Operation, string>();
  let actors: Record<Role, Awaited<ReturnType<typeof authenticateToken>>>;
  beforeAll(async () => {
    for (const key of Object.keys({ ...TABLE, ...EXTRA })) {
      const op = await operationOf(key);
      if (op) byOperation.set(op, key);
    }
    actors = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await authenticateToken(world.tokens[r])] as const)),
    ) as typeof actors;
  });

  it("covers every operation the console can run", () => {
    const uncovered = Object.entries(CONSOLE_OPERATIONS)
      .filter(([, op]) => !byOperation.has(op as Operation))
      .map(([name]) => name);
    expect(uncovered, "server-action operations with no row in the matrix").toEqual([]);
  });

  // One test per operation and role; each environment type is checked inside and named on failure.
  const cells = Object.keys(CONSOLE_OPERATIONS).flatMap((name) => ROLES.map((role) => ({ name, role })));
  it.each(cells)("$name as $role decides as the API does", async ({ name, role }) => {
    const op = CONSOLE_OPERATIONS[name as keyof typeof CONSOLE_OPERATIONS] as unknown as Operation;
    const key = byOperation.get(op);
    expect(key, `${name} has no row in the matrix`).toBeDefined();
    const row = { ...TABLE, ...EXTRA }[key!];
    const types: EnvType[] = row.level === "environment" ? ["dev", "test", "prod"] : ["dev"];
    const wrong: string[] = [];
    for (const type of types) {
      const allowed = typeof row.allowed === "function" ? row.allowed(type) : row.allowed;
      const call = await row.call(world, type, counter++, role);
      const { params, query } = partsOf(key!.split(" ")[1], call.path);
      const result = await runOperationAs(
        op,
        actors[role],
        { requestId: `matrix-${counter}`, clientAddress: null },
        { params, query, body: call.body },
      );
      const actual = result.ok ? "ok" : result.error.status;
      const expected = allowed.includes(role) ? (row.ok < 400 ? "ok" : row.ok) : deniedStatus(row, role);
      if (actual !== expected) wrong.push(`[${type}] expected ${expected}, got ${actual}`);
    }
    expect(wrong).toEqual([]);
  });
});

function printMatrix(outcomes: { row: string; type?: EnvType; role: Role; expected: number; actual: number }[]) {
  const short: Record<Role, string> = {
    sysadmin: "sys",
    outsider: "out",
    "tenant-admin": "tAdm",
    "tenant-member": "tMem",
    "project-admin": "pAdm",
    "project-dev": "pDev",
    "project-test": "pTst",
    "project-ops": "pOps",
    "env-reader": "eRdr",
    "env-operator": "eOpr",
  };
  const lines = [`${"route".padEnd(100)} ${ROLES.map((r) => short[r].padStart(5)).join("")}`];
  const keys = [...new Set(outcomes.map((o) => `${o.row}${o.type ? ` [${o.type}]` : ""}`))];
  for (const key of keys) {
    const cells = ROLES.map((role) => {
      const o = outcomes.find((x) => `${x.row}${x.type ? ` [${x.type}]` : ""}` === key && x.role === role)!;
      const mark =
        o.actual === o.expected
          ? o.expected < 400 || o.expected === 409 || (o.row.includes("login") && o.expected === 401)
            ? "✓"
            : "✗"
          : `!${o.actual}`;
      return mark.padStart(5);
    });
    lines.push(
      `${key.replace("/api/v1/tenants/{tenant}/projects/{project}", "…/{project}").padEnd(100)} ${cells.join("")}`,
    );
  }
  console.log(`\nAuthorization matrix (✓ allowed, ✗ denied, !NNN unexpected status)\n${lines.join("\n")}\n`);
}
