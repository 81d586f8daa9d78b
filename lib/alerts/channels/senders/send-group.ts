import "server-only";
import { logger } from "@/lib/observability/logger";
import type { AlertChannelRow } from "@/lib/db/schema";
import { loadChannel, type LoadedChannel } from "../channel-config";
import type { DeliveryGroup } from "../delivery-group";
import { sendAlertmanager } from "./alertmanager";
import { sendDingtalk } from "./dingtalk";
import { sendEmail } from "./email";
import { sendFeishu } from "./feishu";
import { DeliveryError } from "./http";
import { sendWebhook } from "./webhook";

export interface SendResult {
  ok: boolean;
  status: number | null;
  error?: string;
  ms: number;
}

export const SEND_TIMEOUT_MS = () => Number(process.env.FACET_ALERT_SEND_TIMEOUT_MS ?? 10_000);

/** Sends one group in the channel's format, within the timeout; never throws. */
export async function sendGroup(
  channel: LoadedChannel,
  group: DeliveryGroup,
  timeoutMs = SEND_TIMEOUT_MS(),
): Promise<SendResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const ms = () => Math.round(performance.now() - started);
  try {
    const work = (() => {
      switch (channel.kind) {
        case "webhook":
          return sendWebhook(channel, group, signal);
        case "alertmanager":
          return sendAlertmanager(channel, group, signal);
        case "feishu":
          return sendFeishu(channel, group, signal);
        case "dingtalk":
          return sendDingtalk(channel, group, signal);
        case "email":
          return sendEmail(channel, group, signal, timeoutMs);
      }
    })();
    // The timeout holds even for a sender that ignores the signal.
    const { status } = await Promise.race([
      work,
      new Promise<never>((_, reject) =>
        signal.addEventListener("abort", () => reject(new DeliveryError("timed out")), { once: true }),
      ),
    ]);
    return { ok: true, status, ms: ms() };
  } catch (error) {
    if (!(error instanceof DeliveryError)) logger.warn({ err: error, channel: channel.name }, "alert delivery failed");
    const status = error instanceof DeliveryError ? error.status : null;
    const message = error instanceof DeliveryError ? error.message : "unexpected failure";
    return { ok: false, status, error: message, ms: ms() };
  }
}

/** A channel whose secrets cannot be opened (AUTH_SECRET changed) fails its sends with the reason. */
export async function sendLoaded(row: AlertChannelRow, group: DeliveryGroup, timeoutMs: number): Promise<SendResult> {
  let channel: LoadedChannel;
  try {
    channel = loadChannel(row);
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message, ms: 0 };
  }
  return sendGroup(channel, group, timeoutMs);
}
