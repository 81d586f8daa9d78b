import "server-only";
import snappy from "snappyjs";
import { parseLabels } from "./parse-labels";
import { MAX_LABELS, PushRequestType } from "./push-schema";
import { MalformedPush, type LokiStream } from "./stream";

interface Decoded {
  streams?: {
    labels?: string;
    entries?: {
      timestamp?: { seconds?: number | { toNumber(): number }; nanos?: number };
      line?: string;
      structuredMetadata?: { name?: string; value?: string }[];
    }[];
  }[];
}

/** The uncompressed length a snappy block announces (its leading varint), or -1 when unreadable. */
function announcedLength(block: Buffer): number {
  let length = 0;
  for (let i = 0, shift = 0; i < 5 && i < block.length; i++, shift += 7) {
    length += (block[i] & 0x7f) * 2 ** shift;
    if (!(block[i] & 0x80)) return length;
  }
  return -1;
}

const seconds = (v: number | { toNumber(): number } | undefined) => (typeof v === "number" ? v : v ? v.toNumber() : 0);

/**
 * A snappy-compressed protobuf PushRequest as streams. The block's announced size is checked
 * against `limit` before anything is inflated, so a small body cannot claim a huge one.
 */
export function decodePushProtobuf(body: Buffer, limit: number): LokiStream[] {
  const size = announcedLength(body);
  if (size < 0) throw new MalformedPush("the body is not snappy-compressed");
  if (size > limit) throw new MalformedPush(`the body inflates to ${size} bytes, more than ${limit}`);
  let raw: Uint8Array;
  try {
    raw = snappy.uncompress(body, limit);
  } catch {
    throw new MalformedPush("the snappy body could not be decompressed");
  }
  let decoded: Decoded;
  try {
    decoded = PushRequestType.decode(raw) as unknown as Decoded;
  } catch (error) {
    throw new MalformedPush(`the body is not a Loki PushRequest: ${(error as Error).message}`);
  }
  return (decoded.streams ?? []).map((s) => ({
    labels: parseLabels(s.labels ?? "{}"),
    entries: (s.entries ?? []).map((e) => {
      const pairs = e.structuredMetadata ?? [];
      if (pairs.length > MAX_LABELS) throw new MalformedPush(`an entry has more than ${MAX_LABELS} metadata pairs`);
      return {
        timeNs: seconds(e.timestamp?.seconds) * 1e9 + (e.timestamp?.nanos ?? 0),
        line: e.line ?? "",
        metadata: Object.fromEntries(pairs.map((p) => [p.name ?? "", p.value ?? ""])),
      };
    }),
  }));
}
