import "server-only";
import type { OtlpSpan, ResourceGroup } from "../otlp/model";
import { queues } from "../store/queues";
import { tsvLine } from "../store/tsv";
import { attributesText, numberAttr, stringAttr } from "./json-text";
import { acceptedGroups } from "./accepted-groups";
import type { IngestPrincipal } from "./resource";
import { addToRollup, isEntrySpan, type Rollup } from "./rollup";
import type { IngestResult } from "./result";
import { nanosToMicros } from "./nanos";

const USER_KEYS = ["user.id", "enduser.id"];
const STATUS_KEYS = ["http.response.status_code", "http.status_code"];

function spanLine(
  s: OtlpSpan,
  nsId: number,
  resourceId: number,
  service: string,
  pod: string | null,
  scopeAttrs: string | null,
): { line: string; startUs: number; durationUs: number } {
  const startUs = nanosToMicros(s.startNs);
  const durationUs = Math.max(0, nanosToMicros(s.endNs) - startUs);
  const status = numberAttr(s.attributes, ...STATUS_KEYS);
  const events = s.events.length
    ? JSON.stringify(
        s.events
          .slice(0, 128)
          .map((e) => ({ timeUs: nanosToMicros(e.timeNs), name: e.name, attributes: e.attributes })),
      )
    : null;
  const links = s.links.length ? JSON.stringify(s.links.slice(0, 128)) : null;
  const values = [
    s.traceId,
    s.spanId,
    s.parentSpanId,
    nsId,
    resourceId,
    service,
    s.name.slice(0, 255),
    s.kind,
    startUs,
    durationUs,
    s.statusCode,
    s.statusMessage ? s.statusMessage.slice(0, 512) : null,
    pod,
    stringAttr(s.attributes, "http.route")?.slice(0, 255) ?? null,
    status !== null && status >= 0 && status < 65536 ? Math.trunc(status) : null,
    stringAttr(s.attributes, ...USER_KEYS)?.slice(0, 128) ?? null,
    scopeAttrs,
    events && events.length > 256 * 1024 ? null : events,
    links,
  ];
  return { line: tsvLine(values), startUs, durationUs };
}

/** Checks, maps and queues the spans of one request; resolves once they are committed. */
export async function ingestTraces(
  principal: IngestPrincipal,
  groups: ResourceGroup<OtlpSpan>[],
): Promise<IngestResult> {
  const lines: string[] = [];
  const rollup: Rollup = new Map();
  const { accepted, rejected, reasons } = await acceptedGroups(principal, groups);
  for (const { resource: r, items } of accepted) {
    for (const { scope, item } of items) {
      const { line, startUs, durationUs } = spanLine(
        item,
        r.nsId,
        r.resourceId,
        r.service,
        r.pod,
        attributesText(item.attributes, scope),
      );
      lines.push(line);
      if (isEntrySpan(item.kind, item.parentSpanId !== null))
        addToRollup(rollup, r.nsId, startUs, r.service, item.name.slice(0, 255), durationUs, item.statusCode === 2);
    }
  }
  await queues().spans.enqueue({ lines, extra: rollup.size ? rollup : undefined });
  return { accepted: lines.length, rejected, message: [...reasons].join("; ") };
}
