import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import {
  alertChannels,
  alertDeliveries,
  environmentMembers,
  environments,
  notifications,
  projectMembers,
  tenantMembers,
  type AlertChannelRow,
} from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import type { AlertNotification } from "../notification";
import { queuedAlert, type DeliveryGroup } from "./delivery-group";

const MAX_TITLE = 255;
/** Alerts per delivery: a larger group is sent as several, so no receiver gets an unbounded body. */
export const MAX_ALERTS_PER_DELIVERY = 200;
const MAX_LINK = 1024;

/**
 * Queues deliveries of these notifications to their receivers' channels and writes the in-app
 * notifications, in the caller's transaction (so a state change and its notification commit
 * together). Delivery itself happens later, with retries, outside the transaction.
 */
export async function enqueueNotifications(tx: Transaction, batch: AlertNotification[]): Promise<void> {
  if (!batch.length) return;
  await queueDeliveries(tx, batch);
  await writeInApp(tx, batch);
}

/** One delivery per channel and rule of the batch (an evaluation round), as Alertmanager groups by rule. */
async function queueDeliveries(tx: Transaction, batch: AlertNotification[]): Promise<void> {
  const channels = await receiverChannels(tx, batch);
  const groups = new Map<string, { channel: AlertChannelRow; group: DeliveryGroup }>();
  for (const n of batch) {
    for (const r of n.receivers) {
      const owner = r.scope === "system" ? 0 : n.tenantId;
      const channel = channels.get(`${owner}/${r.channel}`);
      if (!channel) {
        logger.warn({ channel: r.channel, scope: r.scope, rule: n.ruleName }, "alert receiver names no channel");
        continue;
      }
      if (n.status === "resolved" && !channel.sendResolved) continue;
      const groupKey = `{}/{tenant="${n.tenantId}",environment="${n.environmentId}"}:{alertname="${n.ruleName}"}`;
      const key = `${channel.id}\u0000${groupKey}`;
      const entry = groups.get(key) ?? {
        channel,
        group: { groupKey, ruleName: n.ruleName, receiver: channel.name, alerts: [] },
      };
      // One rule can name the same channel twice; an alert goes once.
      if (!entry.group.alerts.some((a) => a.alertId === n.alertId && a.status === n.status))
        entry.group.alerts.push(queuedAlert(n));
      groups.set(key, entry);
    }
  }
  if (!groups.size) return;
  const now = new Date();
  const rows = [...groups.values()].flatMap(({ channel, group }) => {
    const parts: DeliveryGroup[] = [];
    for (let i = 0; i < group.alerts.length; i += MAX_ALERTS_PER_DELIVERY)
      parts.push({ ...group, alerts: group.alerts.slice(i, i + MAX_ALERTS_PER_DELIVERY) });
    return parts.map((part) => ({
      channelId: channel.id,
      payload: part as unknown as Record<string, unknown>,
      nextAttemptAt: now,
    }));
  });
  await tx.insert(alertDeliveries).values(rows);
}

/** The channels the batch names, by "owner/name"; a tenant's receivers only ever find its own. */
async function receiverChannels(tx: Transaction, batch: AlertNotification[]): Promise<Map<string, AlertChannelRow>> {
  const wanted = new Map<number, Set<string>>();
  for (const n of batch)
    for (const r of n.receivers) {
      const owner = r.scope === "system" ? 0 : n.tenantId;
      wanted.set(owner, (wanted.get(owner) ?? new Set()).add(r.channel));
    }
  if (!wanted.size) return new Map();
  const rows = await tx
    .select()
    .from(alertChannels)
    .where(
      or(
        ...[...wanted].map(([owner, names]) =>
          and(eq(alertChannels.owner, owner), inArray(alertChannels.name, [...names])),
        ),
      ),
    );
  return new Map(rows.map((r) => [`${r.owner}/${r.name}`, r]));
}

/** The bell: each alert to the environment's project members, its members and the tenant's admins. */
async function writeInApp(tx: Transaction, batch: AlertNotification[]): Promise<void> {
  const envIds = [...new Set(batch.map((n) => n.environmentId))];
  const envs = await tx
    .select({ id: environments.id, tenantId: environments.tenantId, projectId: environments.projectId })
    .from(environments)
    .where(inArray(environments.id, envIds));
  const byEnv = new Map(envs.map((e) => [e.id, e]));
  const projectIds = [...new Set(envs.map((e) => e.projectId))];
  const tenantIds = [...new Set(envs.map((e) => e.tenantId))];
  // One after another: the queries share the caller's transaction (one connection).
  const pm = projectIds.length
    ? await tx
        .select({ projectId: projectMembers.projectId, userId: projectMembers.userId })
        .from(projectMembers)
        .where(inArray(projectMembers.projectId, projectIds))
    : [];
  const em = await tx
    .select({ environmentId: environmentMembers.environmentId, userId: environmentMembers.userId })
    .from(environmentMembers)
    .where(inArray(environmentMembers.environmentId, envIds));
  const admins = tenantIds.length
    ? await tx
        .select({ tenantId: tenantMembers.tenantId, userId: tenantMembers.userId })
        .from(tenantMembers)
        .where(and(inArray(tenantMembers.tenantId, tenantIds), eq(tenantMembers.role, "admin")))
    : [];
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const n of batch) {
    const env = byEnv.get(n.environmentId);
    // An environment of another tenant than the alert's is a caller bug; nobody is told.
    if (!env || env.tenantId !== n.tenantId) continue;
    const recipients = new Set<number>([
      ...pm.filter((m) => m.projectId === env.projectId).map((m) => m.userId),
      ...em.filter((m) => m.environmentId === env.id).map((m) => m.userId),
      ...admins.filter((m) => m.tenantId === env.tenantId).map((m) => m.userId),
    ]);
    const title = `${n.status === "firing" ? "Firing" : "Resolved"}: ${n.ruleName}`.slice(0, MAX_TITLE);
    for (const userId of recipients)
      rows.push({
        userId,
        tenantId: n.tenantId,
        alertId: n.alertId,
        title,
        body: n.message,
        severity: n.severity,
        link: n.generatorURL.length <= MAX_LINK ? n.generatorURL : null,
      });
  }
  if (rows.length) await tx.insert(notifications).values(rows);
}
