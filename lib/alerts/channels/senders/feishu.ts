import "server-only";
import { createHmac } from "node:crypto";
import type { LoadedChannel } from "../channel-config";
import { absoluteLink, groupLines, groupStatus, groupTitle, type DeliveryGroup } from "../delivery-group";
import { DeliveryError, postJson } from "./http";

/** Feishu custom bot signing: HMAC-SHA256 keyed by `timestamp + "\n" + secret` over an empty
 *  message, base64; timestamp in seconds. */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

export function feishuMessage(group: DeliveryGroup, msgType: "interactive" | "text") {
  const title = groupTitle(group);
  const lines = groupLines(group);
  if (msgType === "text") return { msg_type: "text", content: { text: [title, ...lines].join("\n") } };
  const link = group.alerts[0] ? absoluteLink(group.alerts[0].generatorURL) : absoluteLink("/");
  return {
    msg_type: "interactive",
    card: {
      config: { wide_screen_mode: true },
      header: {
        title: { tag: "plain_text", content: title },
        template: groupStatus(group) === "firing" ? "red" : "green",
      },
      elements: [
        { tag: "div", text: { tag: "lark_md", content: lines.join("\n") } },
        {
          tag: "action",
          actions: [
            { tag: "button", text: { tag: "plain_text", content: "Open in Facet" }, url: link, type: "default" },
          ],
        },
      ],
    },
  };
}

export async function sendFeishu(channel: LoadedChannel, group: DeliveryGroup, signal: AbortSignal) {
  const msgType = (channel.config.msgType as "interactive" | "text") ?? "interactive";
  const body: Record<string, unknown> = feishuMessage(group, msgType);
  if (channel.secrets.secret) {
    const timestamp = Math.floor(Date.now() / 1000);
    body.timestamp = String(timestamp);
    body.sign = feishuSign(timestamp, channel.secrets.secret);
  }
  const { status, json } = await postJson(channel.secrets.url!, body, { signal, upstream: `feishu ${channel.name}` });
  // Feishu answers 200 with a non-zero code when it refuses (bad signature, rate limit…).
  const code = (json as { code?: number; StatusCode?: number } | null)?.code ?? 0;
  if (code !== 0) throw new DeliveryError(`Feishu refused: ${(json as { msg?: string }).msg ?? code}`, status);
  return { status };
}
