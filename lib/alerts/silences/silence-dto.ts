import type { AlertSilenceRow } from "@/lib/db/schema";
import { fromJson } from "../json";
import type { SilenceDto } from "../schemas";

export const silenceDto = (s: AlertSilenceRow, now = Date.now()): SilenceDto => ({
  id: s.id,
  ...(s.rule ? { rule: s.rule } : {}),
  matchers: fromJson(s.matchers),
  endsAt: s.endsAt.toISOString(),
  comment: s.comment,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
  active: s.endsAt.getTime() > now,
});
