import "server-only";
import { randomBytes } from "node:crypto";
import type { OtlpLogRecord, ResourceGroup } from "../otlp/model";
import { queues } from "../store/queues";
import { tsvLine } from "../store/tsv";
import { severityFromText } from "../severity";
import { attributesText } from "./json-text";
import { acceptedGroups } from "./accepted-groups";
import type { IngestPrincipal } from "./resource";
import type { IngestResult } from "./result";
import { nanosToMicros } from "./nanos";

const MAX_BODY = 64 * 1024;

function bodyText(body: OtlpLogRecord["body"]): string {
  const text = typeof body === "string" ? body : body === null ? "" : JSON.stringify(body);
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text;
}

/** `n` random 8-byte row ids as hex, drawn in one call (one per record costs a syscall each). */
export function rowIds(n: number): (i: number) => string {
  const hex = randomBytes(8 * n).toString("hex");
  return (i) => hex.slice(16 * i, 16 * i + 16);
}

export function logLine(
  id: string,
  r: OtlpLogRecord,
  nsId: number,
  resourceId: number,
  service: string,
  pod: string | null,
  attributes: string | null,
): string {
  const timeNs = r.timeNs || r.observedNs || Date.now() * 1e6;
  const severity = r.severityNumber || severityFromText(r.severityText);
  return tsvLine([
    id,
    nanosToMicros(timeNs),
    nsId,
    resourceId,
    service,
    pod,
    severity,
    r.severityText ? r.severityText.slice(0, 32) : null,
    bodyText(r.body),
    r.traceId,
    r.spanId,
    attributes,
  ]);
}

/** Checks, maps and queues the log records of one request; resolves once they are committed. */
export async function ingestLogs(
  principal: IngestPrincipal,
  groups: ResourceGroup<OtlpLogRecord>[],
): Promise<IngestResult> {
  const lines: string[] = [];
  const { accepted, rejected, reasons } = await acceptedGroups(principal, groups);
  const id = rowIds(accepted.reduce((n, g) => n + g.items.length, 0));
  for (const { resource: r, items } of accepted) {
    for (const { scope, item } of items) {
      const attributes = item.eventName ? { ...item.attributes, "event.name": item.eventName } : item.attributes;
      lines.push(
        logLine(id(lines.length), item, r.nsId, r.resourceId, r.service, r.pod, attributesText(attributes, scope)),
      );
    }
  }
  await queues().logs.enqueue({ lines });
  return { accepted: lines.length, rejected, message: [...reasons].join("; ") };
}
