/** One Loki stream as decoded from either encoding: its label set and its entries. */
export interface LokiStream {
  labels: Record<string, string>;
  entries: LokiEntry[];
}

export interface LokiEntry {
  /** Unix time in nanoseconds (a double: the store keeps microseconds). */
  timeNs: number;
  line: string;
  metadata: Record<string, string>;
}

/** Raised for a body that is not a Loki push request (400). */
export class MalformedPush extends Error {}
