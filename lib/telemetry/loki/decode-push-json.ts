import "server-only";
import { parseJsonBounded } from "@/lib/core/parse-json-bounded";
import { pushJsonSchema } from "./push-schema";
import { MalformedPush, type LokiStream } from "./stream";

/** A JSON push body as streams; not JSON, too deep or not the push shape → MalformedPush (400). */
export function decodePushJson(body: Buffer): LokiStream[] {
  let json: unknown;
  try {
    json = parseJsonBounded(body.toString("utf8"));
  } catch (error) {
    throw new MalformedPush((error as Error).message);
  }
  const parsed = pushJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedPush(`${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data.streams.map((s) => ({
    labels: s.stream,
    entries: s.values.map((v) => ({ timeNs: Number(v[0]), line: v[1], metadata: v[2] ?? {} })),
  }));
}
