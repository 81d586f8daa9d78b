import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { AppError } from "@/lib/errors";
import { SYSTEM_OWNER, channelOrThrow } from "./channel-rows";
import { createSystemChannel } from "./create-system-channel";

export const LOCAL_ALERTMANAGER_CHANNEL = "local-alertmanager";

/**
 * The system channel for the Alertmanager `npm run up` runs (FACET_LOCAL_ALERTMANAGER_URL), made
 * only when that Alertmanager answers and the channel does not exist yet. Says what it did.
 */
export async function seedLocalAlertmanagerChannel(ctx: AuthedContext): Promise<string> {
  const url = process.env.FACET_LOCAL_ALERTMANAGER_URL;
  if (!url) return "no local Alertmanager configured";
  const ready = await fetch(`${url.replace(/\/+$/, "")}/-/ready`, { signal: AbortSignal.timeout(3_000) })
    .then((r) => r.ok)
    .catch(() => false);
  if (!ready) return `the local Alertmanager at ${url} does not answer; no channel seeded`;
  const exists = await channelOrThrow(SYSTEM_OWNER, LOCAL_ALERTMANAGER_CHANNEL).then(
    () => true,
    (e: unknown) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") return false;
      throw e;
    },
  );
  if (exists) return `system channel ${LOCAL_ALERTMANAGER_CHANNEL} exists`;
  await createSystemChannel({
    ctx,
    input: { name: LOCAL_ALERTMANAGER_CHANNEL, kind: "alertmanager", config: { url, auth: { type: "none" } } },
  });
  return `seeded system channel ${LOCAL_ALERTMANAGER_CHANNEL} → ${url}`;
}
