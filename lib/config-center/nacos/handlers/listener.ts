import "server-only";
import { AppError } from "@/lib/errors";
import { TransportError } from "@/lib/core/transport-error";
import type { RequestContext } from "@/lib/core/context";
import { authorize } from "@/lib/core/authorize";
import { backendFor } from "../../backend/select";
import type { ConfigLocation } from "../../backend/types";
import { listListeners } from "../../list-listeners";
import { followConfigChanges } from "../../listeners/change-feed";
import {
  ListenerLimit,
  listenerHub,
  type ListenerClient,
  type Registration,
  type WatchedKey,
} from "../../listeners/hub";
import { listenerSetupGate } from "../../listeners/setup-gate";
import { locate } from "../../location";
import { assertDataId } from "../../validate-content";
import { contextFor, effectiveTarget } from "../access";
import { param, readParams } from "../params";
import { authenticateNacos, type Principal } from "../principal";
import { jsonReply, textReply } from "../respond";
import { nacosTarget, openNacosCall } from "./configs";
import { assertProbeSize, changedKeysBody, parseProbe } from "./probe";

/** Longest hold we grant, whatever the client asks. */
const MAX_HOLD_MS = 120_000;
/** Namespace/group pairs one request may watch: each costs an authorization check. */
const MAX_PLACES = 64;
/** Seconds a refused listener should wait before polling again. */
const RETRY_AFTER_S = 5;

function clientOf(request: Request, base: RequestContext, principal: Principal): ListenerClient {
  const ip = (base.clientAddress ?? "unknown").slice(0, 64);
  const tag = (
    request.headers.get("Client-AppName") ||
    (principal.kind === "key" ? principal.grant.key.username : principal.actor.username)
  ).slice(0, 128);
  return { ip, clientId: `${ip}#${tag}` };
}

/** Limits count per credential, whatever client name or address the request claims. */
const principalOf = (principal: Principal) =>
  principal.kind === "key" ? `key:${principal.grant.key.id}` : `user:${principal.actor.id}`;

/**
 * POST /v1/cs/configs/listener: answers at once with the keys whose MD5 differs, else holds
 * the request (Long-Pulling-Timeout − 500 ms at most) until a publish changes one of them.
 */
export async function listen(request: Request, base: RequestContext): Promise<Response> {
  const params = await readParams(request);
  const probe = params.get("Listening-Configs");
  if (!probe) throw new AppError("VALIDATION", "invalid probeModify");
  // Oversized probes are refused before any database work, and over-limit callers before parsing.
  const count = assertProbeSize(probe);
  const setup = await listenerSetupGate().run(() => setUp(request, base, params, probe, count));
  if (setup === null) return limitReply(new ListenerLimit(429, "too many listeners being set up"));
  if (setup instanceof Response) return setup;
  const { registration, changed } = setup;
  try {
    const timeout = Number(request.headers.get("Long-Pulling-Timeout"));
    const noHangup = request.headers.get("Long-Pulling-Timeout-No-Hangup") === "true";
    if (changed.length || !Number.isFinite(timeout) || timeout <= 0 || noHangup) {
      registration.finish(changed);
      return textReply(changedKeysBody(changed));
    }
    const hold = Math.min(timeout, MAX_HOLD_MS) - 500;
    return textReply(changedKeysBody(await registration.wait(hold, request.signal)));
  } catch (error) {
    registration.finish([]);
    throw error;
  }
}

const limitReply = (error: ListenerLimit) =>
  textReply(error.message, error.status, { "Retry-After": String(RETRY_AFTER_S) });

/** Authenticates, authorizes every key, registers, then compares MD5s: the database part. */
async function setUp(
  request: Request,
  base: RequestContext,
  params: URLSearchParams,
  probe: string,
  count: number,
): Promise<Response | { registration: Registration; changed: WatchedKey[] }> {
  const principal = await authenticateNacos(params, request.headers);
  const hub = listenerHub();
  await followConfigChanges(); // changes committed by other replicas wake this one's listeners too
  try {
    hub.precheck(principalOf(principal), count);
  } catch (error) {
    if (error instanceof ListenerLimit) return limitReply(error);
    throw error;
  }
  const records = parseProbe(probe);
  const defaultTenant = param(params, "tenant");
  const targets = records.map((record) => ({
    record,
    ...effectiveTarget(principal, record.tenant || defaultTenant, record.group),
  }));
  const distinct = new Set(targets.map((t) => `${t.namespace}\u0002${t.group}`));
  if (distinct.size > MAX_PLACES)
    throw new TransportError(400, `invalid probeModify: more than ${MAX_PLACES} namespace and group pairs`);

  // One verb context per namespace and group: every key must be readable by the caller.
  const places = new Map<string, ConfigLocation>();
  const keys: WatchedKey[] = [];
  for (const { record, namespace, group } of targets) {
    assertDataId(record.dataId);
    const place = `${namespace}\u0002${group}`;
    if (!places.has(place)) {
      const ctx = await contextFor(principal, base, namespace, group);
      authorize(ctx, "configs.read");
      places.set(place, await locate(ctx));
    }
    keys.push({
      environmentId: places.get(place)!.environmentId,
      dataId: record.dataId,
      group: record.group,
      tenant: record.tenant,
      md5: record.md5,
    });
  }

  let registration: Registration;
  try {
    registration = hub.register(keys, clientOf(request, base, principal), principalOf(principal));
  } catch (error) {
    if (error instanceof ListenerLimit) return limitReply(error);
    throw error;
  }
  try {
    const changed: WatchedKey[] = [];
    for (const loc of places.values()) {
      const mine = keys.filter((k) => k.environmentId === loc.environmentId);
      const current = await (
        await backendFor(loc, "embedded")
      ).md5s(
        loc,
        mine.map((k) => k.dataId),
      );
      changed.push(...mine.filter((k) => (current.get(k.dataId) ?? "") !== k.md5));
    }
    return { registration, changed };
  } catch (error) {
    registration.finish([]);
    throw error;
  }
}

/** GET /v1/cs/configs/listener: which clients listen to a config and the MD5 each holds. */
export async function listenerStatus(request: Request, base: RequestContext): Promise<Response> {
  const { ctx, dataId } = await nacosTarget(await openNacosCall(request, base));
  const found = await listListeners({ ctx, input: { dataId, channel: "nacos" } });
  return jsonReply({
    collectStatus: 200,
    lisentersGroupkeyStatus: Object.fromEntries(found.items.map((l) => [l.clientId, l.md5])),
  });
}
