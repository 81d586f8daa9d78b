// A tenant with one project and environment, and the people the channel tests need, made
// through the public API; plus a way to hand alert batches to enqueueNotifications.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { environments, projects, tenants } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, generousQuota, person, sysadminToken } from "@/lib/testing/world";
import type { AlertNotification, ReceiverRef } from "../../notification";
import { enqueueNotifications } from "../enqueue-notifications";

export type Person = Awaited<ReturnType<typeof person>>;

export interface ChannelWorld {
  root: string;
  tenant: string;
  tenantId: number;
  environmentId: number;
  /** Tenant admin. */
  admin: Person;
  /** Tenant member in no project. */
  member: Person;
  /** Project member (dev). */
  dev: Person;
  /** Environment member (reader) only. */
  reader: Person;
  /** Admin of another tenant. */
  outsider: Person;
  otherTenant: string;
  otherTenantId: number;
}

async function tenantId(name: string) {
  const [row] = await getDb().select({ id: tenants.id }).from(tenants).where(eq(tenants.name, name));
  return row.id;
}

export async function channelWorld(prefix: string): Promise<ChannelWorld> {
  const root = await sysadminToken();
  const tenant = uniqueName(prefix);
  const otherTenant = uniqueName(`${prefix}-o`);
  const [admin, member, dev, reader, outsider] = await Promise.all(
    ["cadm", "cmem", "cdev", "crd", "cout"].map((p) => person(p)),
  );
  const T = `/api/v1/tenants/${tenant}`;
  for (const name of [tenant, otherTenant])
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name } }), 201);
  const join = (t: string, username: string, role: string) =>
    expectOk(api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username, role } }), 201);
  await join(tenant, admin.username, "admin");
  for (const p of [member, dev, reader]) await join(tenant, p.username, "member");
  await join(otherTenant, outsider.username, "admin");
  await expectOk(api("PUT", `${T}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `${T}/projects`, { token: root, body: { name: "shop" } }), 201);
  await expectOk(
    api("POST", `${T}/projects/shop/members`, { token: root, body: { username: dev.username, role: "dev" } }),
    201,
  );
  const quota = { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "10" };
  await expectOk(
    api("POST", `${T}/projects/shop/environments`, {
      token: root,
      body: { name: "dev", type: "dev", cluster: "sandbox", quota },
    }),
    201,
  );
  await expectOk(
    api("POST", `${T}/projects/shop/environments/dev/members`, {
      token: root,
      body: { username: reader.username, role: "reader" },
    }),
    201,
  );
  const id = await tenantId(tenant);
  const [env] = await getDb()
    .select({ id: environments.id })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .where(and(eq(projects.tenantId, id), eq(projects.name, "shop"), eq(environments.name, "dev")));
  return {
    root,
    tenant,
    tenantId: id,
    environmentId: env.id,
    admin,
    member,
    dev,
    reader,
    outsider,
    otherTenant,
    otherTenantId: await tenantId(otherTenant),
  };
}

let alertIds = 1_000_000;

/** An alert notification as the evaluator would hand it over. */
export function alertOf(
  w: Pick<ChannelWorld, "tenantId" | "environmentId">,
  receivers: ReceiverRef[],
  overrides: Partial<AlertNotification> = {},
): AlertNotification {
  const alertId = overrides.alertId ?? alertIds++;
  return {
    tenantId: w.tenantId,
    environmentId: w.environmentId,
    alertId,
    ruleName: "HighErrorRate",
    status: "firing",
    severity: "critical",
    message: "Error rate is 12% on checkout",
    value: 0.12,
    labels: { namespace: "shop-dev", service: "checkout" },
    annotations: { runbook: "https://runbooks.example.com/errors" },
    fingerprint: `fp-${alertId}`,
    startsAt: new Date(Date.now() - 60_000),
    endsAt: null,
    generatorURL: `/tenants/t/projects/shop/environments/dev/alerts/${alertId}`,
    receivers,
    ...overrides,
  };
}

export const resolvedOf = (a: AlertNotification): AlertNotification => ({
  ...a,
  status: "resolved",
  endsAt: new Date(),
});

export const enqueue = (batch: AlertNotification[]) => inTransaction((tx) => enqueueNotifications(tx, batch));
