import "server-only";
import type { CoreV1Event } from "@kubernetes/client-node";
import { onCluster } from "@/lib/clusters/upstream-error";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { AppError } from "@/lib/errors";
import { environmentTarget } from "./env-client";
import type { EventsQuery } from "./schemas";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

// The cluster cannot sort, so events are read (bounded) and ordered here: warnings first, then
// the most recently seen. Pages are keyset cursors over that order, stable while events arrive.
const READ_PAGE = 500;
export const MAX_EVENTS_SCANNED = 5000;

export interface EventRow {
  name: string;
  type: "Warning" | "Normal";
  reason: string;
  kind: string;
  object: string;
  message: string;
  count: number;
  source: string;
  lastSeen: string | null;
}

const iso = (d?: Date | string) => (d ? new Date(d).toISOString() : null);

function eventRow(e: CoreV1Event): EventRow {
  return {
    name: e.metadata.name ?? "",
    type: e.type === "Warning" ? "Warning" : "Normal",
    reason: e.reason ?? "",
    kind: e.involvedObject.kind ?? "",
    object: e.involvedObject.name ?? "",
    message: e.message ?? "",
    count: e.count ?? 1,
    source: e.source?.component ?? e.reportingComponent ?? "",
    lastSeen: iso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp),
  };
}

type Key = [rank: number, lastSeen: string, name: string];
const keyOf = (r: EventRow): Key => [r.type === "Warning" ? 0 : 1, r.lastSeen ?? "", r.name];

/** Warnings first, newest first, then by name: a total order, so a cursor names one place in it. */
function compare(a: Key, b: Key): number {
  return a[0] - b[0] || b[1].localeCompare(a[1]) || a[2].localeCompare(b[2]);
}

function parseCursor(cursor?: string): Key | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(decodeCursor(cursor)!) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 3 &&
      (key[0] === 0 || key[0] === 1) &&
      key.every((k, i) => i === 0 || typeof k === "string")
    )
      return key as Key;
  } catch {
    // falls through to the refusal
  }
  throw new AppError("VALIDATION", "The cursor is not one this API handed out.", {
    errors: [{ path: "query.cursor", message: "Use nextCursor from the previous page." }],
  });
}

const escapeField = (v: string) => v.replace(/[\\,=!]/g, (c) => `\\${c}`);

export const listEvents = verb(
  "workloads.events.list",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<EventsQuery, EnvironmentCtx>) => {
    const after = parseCursor(input.cursor);
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const fieldSelector =
      [
        input.type && `type=${input.type}`,
        input.kind && `involvedObject.kind=${escapeField(input.kind)}`,
        input.name && `involvedObject.name=${escapeField(input.name)}`,
      ]
        .filter(Boolean)
        .join(",") || undefined;
    const events: CoreV1Event[] = [];
    let token: string | undefined;
    let truncated = false;
    await onCluster(cluster, async () => {
      do {
        const page = await client.core.listNamespacedEvent({
          namespace,
          fieldSelector,
          limit: READ_PAGE,
          _continue: token,
        });
        events.push(...page.items);
        token = page.metadata?._continue || undefined;
        if (events.length >= MAX_EVENTS_SCANNED && token) truncated = true;
      } while (token && !truncated);
    });
    const q = input.q?.toLowerCase();
    const rows = events
      .map(eventRow)
      .filter((r) => !q || [r.reason, r.message, r.object, r.kind].some((f) => f.toLowerCase().includes(q)))
      .sort((a, b) => compare(keyOf(a), keyOf(b)));
    const start = after ? rows.findIndex((r) => compare(keyOf(r), after) > 0) : 0;
    const rest = start < 0 ? [] : rows.slice(start);
    const items = rest.slice(0, input.limit);
    const more = rest.length > input.limit;
    return {
      items,
      nextCursor: more ? encodeCursor(JSON.stringify(keyOf(items[items.length - 1]))) : null,
      warnings: rows.filter((r) => r.type === "Warning").length,
      total: rows.length,
      truncated,
    };
  },
);
