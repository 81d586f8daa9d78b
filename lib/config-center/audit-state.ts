import type { ConfigRecord, WriteResult } from "./backend/types";

// Audit rows carry the fingerprint of a config, never its content: contents hold secrets
// and live in the config history, where the same readers can see them.
const state = (r: ConfigRecord | null) =>
  r ? { md5: r.md5, type: r.type, version: r.version, appName: r.appName } : null;

export function auditDiff(result: WriteResult, extra: Record<string, unknown>) {
  return {
    before: state(result.before),
    after: { ...state(result.after), op: result.op, historyId: result.historyId, ...extra },
  };
}
