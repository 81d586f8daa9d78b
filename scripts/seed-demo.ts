// Seeds the demo tenant's project and environment through the same verbs the API uses (so
// they are audited and applied to the sandbox by the server), and an ingest token for
// `npm run demo:traffic`. Idempotent: nothing is created twice.
import { mkdirSync, writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Actor } from "../lib/auth/actor";
import { closeDb, getDb } from "../lib/db/client";
import { users } from "../lib/db/schema";
import type { AuthedContext } from "../lib/core/context";
import { seedLocalAlertmanagerChannel } from "../lib/alerts/channels/seed-local-alertmanager";
import { createApplication } from "../lib/tenancy/applications";
import { createEnvironment } from "../lib/tenancy/environments";
import { createProject } from "../lib/tenancy/projects";
import { putTenantQuota } from "../lib/tenancy/quotas";
import { environmentScope, projectScope, tenantScope } from "../lib/tenancy/scope";
import { createEnvironmentIngestToken } from "../lib/telemetry/tokens/create-environment-ingest-token";
import { publishBuiltinModels } from "../lib/models/builtin-catalog/publish-builtin-models";
import { seedModelSources } from "../lib/models/catalog/seed-model-sources";

const TOKEN_FILE = ".facet/demo-ingest-token";

try {
  const [admin] = await getDb().select().from(users).where(eq(users.username, "admin"));
  const actor: Actor = {
    id: admin.id,
    username: admin.username,
    displayName: admin.displayName,
    systemRole: "sysadmin",
    via: "session",
    tokenScope: "read-write",
  };
  const ctx = (): AuthedContext => ({ actor, scope: {}, requestId: `seed-${Date.now()}`, clientAddress: null });
  const names = { tenant: "demo", project: "shop", environment: "demo-dev" };

  const t = { ...ctx(), scope: await tenantScope(ctx(), names) };
  const exists = await projectScope(ctx(), names).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await putTenantQuota({
      ctx: t,
      input: { cluster: "sandbox", quota: { cpu: "8", memory: "16Gi", storage: "100Gi", pods: "100" } },
    });
    await createProject({ ctx: t, input: { name: "shop", description: "Demo shop" } });
    const p = { ...ctx(), scope: await projectScope(ctx(), names) };
    await createEnvironment({
      ctx: p,
      input: {
        name: "demo-dev",
        type: "dev",
        cluster: "sandbox",
        description: "Demo environment",
        quota: { cpu: "2", memory: "4Gi", storage: "10Gi", pods: "20" },
      },
    });
    const e = { ...ctx(), scope: await environmentScope(ctx(), names) };
    await createApplication({
      ctx: e,
      input: {
        name: "web",
        image: "nginx:1.27",
        replicas: 2,
        ports: [{ name: "http", port: 80 }],
        env: [],
        resources: {},
        telemetry: null,
      },
    });
    const token = await createEnvironmentIngestToken({ ctx: e, input: { name: "demo traffic" } });
    mkdirSync(".facet", { recursive: true });
    writeFileSync(TOKEN_FILE, token.token, { mode: 0o600 });
    console.log("seeded demo project shop with environment demo-dev");
  }
  // The built-in models, as modelx artifacts in the library (same content: nothing changes).
  const published = await publishBuiltinModels(ctx());
  console.log(`published built-in models: ${published.join(", ")}`);
  console.log(await seedModelSources(ctx()));
  // A system channel for the local Alertmanager `npm run up` started, only if it answers.
  console.log(await seedLocalAlertmanagerChannel(ctx()));
} finally {
  await closeDb();
}
