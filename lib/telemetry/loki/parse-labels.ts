import { MAX_LABELS } from "./push-schema";
import { MalformedPush } from "./stream";

// The protobuf form names a stream's labels as text, e.g. `{namespace="shop", app="cart"}`
// (Prometheus label-set syntax with Go string escapes). Only that form is accepted; written by
// hand because it is a dozen lines and the parsers that exist come with all of PromQL.
const PAIR = /\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|})/y;
const ESCAPE = /\\(.)/g;
const UNESCAPED: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", '"': '"' };

export function parseLabels(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.length > 64 * 1024) throw new MalformedPush("a stream's labels are longer than 64 KiB");
  if (!trimmed.startsWith("{"))
    throw new MalformedPush(`stream labels must look like {name="value"}: ${trimmed.slice(0, 80)}`);
  const labels: Record<string, string> = {};
  if (/^\{\s*\}$/.test(trimmed)) return labels;
  PAIR.lastIndex = 1;
  let count = 0;
  for (;;) {
    const m = PAIR.exec(trimmed);
    if (!m) throw new MalformedPush(`stream labels must look like {name="value"}: ${trimmed.slice(0, 80)}`);
    if (++count > MAX_LABELS) throw new MalformedPush(`a stream has more than ${MAX_LABELS} labels`);
    labels[m[1]] = m[2].replace(ESCAPE, (_, c: string) => UNESCAPED[c] ?? c);
    if (m[3] === "}") {
      if (PAIR.lastIndex !== trimmed.length) throw new MalformedPush("text after the closing } of stream labels");
      return labels;
    }
  }
}
