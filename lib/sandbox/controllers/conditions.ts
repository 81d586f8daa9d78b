import type { JsonObject } from "../types";
import { timestamp } from "../util";

/** Sets a condition, keeping lastTransitionTime while its status does not change. */
export function setCondition(
  previous: JsonObject[] | undefined,
  type: string,
  status: "True" | "False",
  reason: string,
  message: string,
): JsonObject {
  const old = (previous ?? []).find((c) => c.type === type);
  const now = timestamp();
  const unchanged = old && old.status === status && old.reason === reason && old.message === message;
  return {
    type,
    status,
    lastUpdateTime: unchanged ? old.lastUpdateTime : now,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
    reason,
    message,
  };
}
