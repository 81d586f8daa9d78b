import "server-only";
import { TransportError } from "@/lib/core/transport-error";

// `Listening-Configs`: records `dataId ^B group ^B md5 [^B tenant] ^A` (PROTOCOLS §1.5).
export const WORD = "\u0002";
export const LINE = "\u0001";
/** What a Nacos client sends in one request at most (its listener tasks hold 3,000 keys). */
export const MAX_PROBE_KEYS = 3_000;
/** An MD5 as Nacos computes it, or nothing when the client holds no content. */
const MD5 = /^(?:[0-9a-f]{32})?$/i;

export interface ProbeRecord {
  dataId: string;
  group: string;
  md5: string;
  /** "" when the record names none. */
  tenant: string;
}

// Nacos URL-decodes the field once more; a client that encoded it twice is still understood.
const twiceEncoded = (raw: string) => !raw.includes(WORD) && /%0[12]/i.test(raw);

/**
 * The number of records, counted without splitting: more than MAX_PROBE_KEYS is refused (400)
 * before anything is allocated per record.
 */
export function assertProbeSize(raw: string): number {
  const separator = twiceEncoded(raw) ? /%01/gi : /\u0001/g;
  let count = 0;
  while (separator.exec(raw) && ++count <= MAX_PROBE_KEYS + 1);
  if (count > MAX_PROBE_KEYS) throw new TransportError(400, `invalid probeModify: more than ${MAX_PROBE_KEYS} keys`);
  return Math.max(count, 1);
}

export function parseProbe(raw: string): ProbeRecord[] {
  assertProbeSize(raw);
  const text = twiceEncoded(raw) ? safeDecode(raw) : raw;
  const records = text.split(LINE).filter((line) => line.length > 0);
  if (records.length === 0) throw new TransportError(400, "invalid probeModify");
  if (records.length > MAX_PROBE_KEYS)
    throw new TransportError(400, `invalid probeModify: more than ${MAX_PROBE_KEYS} keys`);
  return records.map((line) => {
    const fields = line.split(WORD);
    if (fields.length < 3 || fields.length > 4) throw new TransportError(400, "invalid probeModify");
    const [dataId, group, md5, tenant = ""] = fields;
    if (!MD5.test(md5)) throw new TransportError(400, "invalid probeModify: an md5 is 32 hex digits or empty");
    return { dataId, group, md5: md5.toLowerCase(), tenant };
  });
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new TransportError(400, "invalid probeModify");
  }
}

/** The answer: changed keys, URL-encoded, then a newline; "" when nothing changed. */
export function changedKeysBody(keys: { dataId: string; group: string; tenant: string }[]): string {
  if (!keys.length) return "";
  const lines = keys.map(
    (k) => [k.dataId, k.group, ...(k.tenant ? [k.tenant] : [])].map(encodeURIComponent).join("%02") + "%01",
  );
  return `${lines.join("")}\n`;
}
