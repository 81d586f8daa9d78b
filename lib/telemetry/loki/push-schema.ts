import "server-only";
import protobuf from "protobufjs";
import { z } from "zod";

// Loki's push API (pkg/push/push.proto of grafana/loki, restated: same package, names and
// field numbers; fields Facet ignores are left out). Bodies arrive snappy-compressed.
const PUSH_PROTO = `
syntax = "proto3";
package logproto;
message PushRequest { repeated StreamAdapter streams = 1; }
message StreamAdapter { string labels = 1; repeated EntryAdapter entries = 2; uint64 hash = 3; }
message EntryAdapter { Timestamp timestamp = 1; string line = 2; repeated LabelPairAdapter structuredMetadata = 3; }
message LabelPairAdapter { string name = 1; string value = 2; }
message Timestamp { int64 seconds = 1; int32 nanos = 2; }
`;

const root = protobuf.parse(PUSH_PROTO, { keepCase: true }).root;
export const PushRequestType = root.lookupType("logproto.PushRequest");

/** How many label pairs a stream, or structured metadata pairs an entry, may carry. */
export const MAX_LABELS = 64;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_.]*$/;

const labelSet = z
  .record(z.string().regex(LABEL_NAME, "a label name is letters, digits and _").max(256), z.string().max(4096))
  .refine((labels) => Object.keys(labels).length <= MAX_LABELS, `at most ${MAX_LABELS} labels`);

// JSON form: {"streams":[{"stream":{label: value},"values":[["<unix ns>","line",{metadata}?]]}]}
export const pushJsonSchema = z.object({
  streams: z.array(
    z.object({
      stream: labelSet.default({}),
      values: z.array(
        z.union([
          z.tuple([z.string().regex(/^\d{1,19}$/, "a timestamp is Unix nanoseconds as a string"), z.string()]),
          z.tuple([
            z.string().regex(/^\d{1,19}$/, "a timestamp is Unix nanoseconds as a string"),
            z.string(),
            labelSet,
          ]),
        ]),
      ),
    }),
  ),
});
