import "server-only";
import { and, asc, eq, gt, lte, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { sandboxWatchEvents } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { badRequest, expired, internalError } from "../k8s-error";
import { onCommitted } from "../notifier";
import { inSnapshot, parseJson, readObjects } from "../store/read";
import { readState } from "../store/state";
import { toTable, wantsTable, type IncludeObject } from "../table";
import { apiVersionOf, type JsonObject, type K8sObject } from "../types";
import { present, type ResourceRequest } from "./context";
import { matchesSelection, selectionFrom, type Selection } from "./list";

// Watches read the watch log (the database is the source of truth) and wake on in-process
// commits; the poll interval covers writes made by other processes.

const POLL_MS = 1000;
const BOOKMARK_MS = 15_000;
const BATCH = 500;
const MAX_TIMEOUT_S = 30 * 60;

type EventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

interface WatchPlan {
  req: ResourceRequest;
  selection: Selection;
  name?: string;
  since: number | null;
  bookmarks: boolean;
  initialEvents: boolean;
  asTable: boolean;
  include: IncludeObject;
  deadline: number;
}

function planWatch(req: ResourceRequest): WatchPlan {
  const raw = req.query.get("resourceVersion");
  if (raw && raw !== "0" && !/^\d+$/.test(raw))
    throw badRequest(`resourceVersion: Invalid value: "${raw}": must be a non-negative integer`);
  const timeout = Math.min(Number(req.query.get("timeoutSeconds") ?? MAX_TIMEOUT_S) || MAX_TIMEOUT_S, MAX_TIMEOUT_S);
  return {
    req,
    selection: selectionFrom(req.query),
    name: req.name,
    since: raw && raw !== "0" ? Number(raw) : null,
    bookmarks: req.query.get("allowWatchBookmarks") === "true",
    initialEvents: req.query.get("sendInitialEvents") === "true",
    asTable: wantsTable(req.request.headers.get("accept")),
    include: (req.query.get("includeObject") as IncludeObject | null) ?? "Metadata",
    deadline: Date.now() + timeout * 1000,
  };
}

const matches = (plan: WatchPlan, o: K8sObject | null | undefined): o is K8sObject =>
  !!o && (!plan.name || o.metadata.name === plan.name) && matchesSelection(plan.selection, o);

function encode(plan: WatchPlan, type: EventType, object: K8sObject | JsonObject): Uint8Array {
  let payload: unknown = object;
  if (type !== "ERROR" && type !== "BOOKMARK") {
    const shown = present(plan.req, object as K8sObject);
    payload = plan.asTable
      ? toTable(plan.req.type, [shown], { resourceVersion: shown.metadata.resourceVersion }, plan.include)
      : shown;
  }
  return new TextEncoder().encode(`${JSON.stringify({ type, object: payload })}\n`);
}

function bookmark(plan: WatchPlan, version: number, initialEnd = false): JsonObject {
  return {
    kind: plan.req.type.kind,
    apiVersion: apiVersionOf(plan.req.type.group, plan.req.version),
    metadata: {
      resourceVersion: String(version),
      ...(initialEnd ? { annotations: { "k8s.io/initial-events-end": "true" } } : {}),
    },
  };
}

async function initialState(plan: WatchPlan): Promise<{ version: number; objects: K8sObject[] }> {
  return inSnapshot(async (tx) => {
    const state = await readState(tx);
    const objects = await readObjects(tx, plan.req.type, { namespace: plan.req.namespace || undefined });
    return { version: state.resourceVersion, objects: objects.filter((o) => matches(plan, o)) };
  });
}

/** Log rows after `after` for this resource, up to the version current when read. */
async function readEvents(plan: WatchPlan, after: number) {
  const db = getDb();
  const state = await readState(db);
  if (after < state.compactedVersion) return { expiredAt: state.compactedVersion, rows: [], upTo: after };
  const { type, namespace } = plan.req;
  const where: SQL[] = [
    eq(sandboxWatchEvents.apiGroup, type.group),
    eq(sandboxWatchEvents.resource, type.resource),
    gt(sandboxWatchEvents.resourceVersion, after),
    lte(sandboxWatchEvents.resourceVersion, state.resourceVersion),
  ];
  if (namespace) where.push(eq(sandboxWatchEvents.namespace, namespace));
  const rows = await db
    .select()
    .from(sandboxWatchEvents)
    .where(and(...where))
    .orderBy(asc(sandboxWatchEvents.resourceVersion))
    .limit(BATCH);
  const upTo = rows.length === BATCH ? rows[rows.length - 1].resourceVersion : state.resourceVersion;
  return { expiredAt: null, rows, upTo };
}

/** Turns a log row into what this watcher sees: objects entering or leaving the selection become ADDED/DELETED. */
function translate(
  plan: WatchPlan,
  row: { type: string; object: unknown; previous: unknown },
): [EventType, K8sObject] | null {
  const object = parseJson<K8sObject>(row.object);
  const now = matches(plan, object);
  if (row.type !== "MODIFIED") return now ? [row.type as EventType, object] : null;
  const before = matches(plan, row.previous ? parseJson<K8sObject>(row.previous) : null);
  if (now && before) return ["MODIFIED", object];
  if (now) return ["ADDED", object];
  if (before) return ["DELETED", object];
  return null;
}

function tooOld(since: number, oldest: number): JsonObject {
  return expired(`too old resource version: ${since} (${oldest})`).toStatus();
}

export function watchVerb(req: ResourceRequest): Response {
  const plan = planWatch(req);
  let stopped = false;
  let wake: (() => void) | null = null;
  const unsubscribe = onCommitted(() => wake?.());
  const stop = () => {
    stopped = true;
    unsubscribe();
    wake?.();
  };
  req.request.signal?.addEventListener("abort", stop);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (type: EventType, object: K8sObject | JsonObject) => {
        if (!stopped) controller.enqueue(encode(plan, type, object));
      };
      // Next.js sends headers with the first body chunk; JSON whitespace gets a quiet watch's
      // headers out at once and is skipped by every JSON stream decoder.
      controller.enqueue(new TextEncoder().encode("\n"));
      try {
        let last: number;
        if (plan.since === null) {
          const initial = await initialState(plan);
          for (const object of initial.objects) send("ADDED", object);
          last = initial.version;
          if (plan.initialEvents && plan.bookmarks) send("BOOKMARK", bookmark(plan, last, true));
        } else {
          last = plan.since;
        }
        let lastBookmark = Date.now();
        while (!stopped && Date.now() < plan.deadline) {
          const { expiredAt, rows, upTo } = await readEvents(plan, last);
          if (expiredAt !== null) {
            send("ERROR", tooOld(last, expiredAt));
            break;
          }
          for (const row of rows) {
            const event = translate(plan, row);
            if (event) send(event[0], event[1]);
          }
          last = upTo;
          if (plan.bookmarks && Date.now() - lastBookmark > BOOKMARK_MS) {
            send("BOOKMARK", bookmark(plan, last));
            lastBookmark = Date.now();
          }
          if (rows.length < BATCH) await sleep(Math.min(POLL_MS, Math.max(0, plan.deadline - Date.now())));
        }
      } catch (error) {
        logger.error({ err: error }, "sandbox watch failed");
        send("ERROR", internalError("the watch failed; list again and resume").toStatus());
      } finally {
        stop();
        try {
          controller.close();
        } catch {
          // Already cancelled by the client.
        }
      }
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "content-type": "application/json", "cache-control": "no-cache, private" },
  });
}
