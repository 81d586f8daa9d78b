import "server-only";
import { createHmac } from "node:crypto";
import type { LoadedChannel } from "../channel-config";
import { absoluteLink, groupLines, groupTitle, type DeliveryGroup } from "../delivery-group";
import { DeliveryError, postJson } from "./http";

/** DingTalk robot signing: HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`,
 *  base64 (URL-encoded when put in the query); timestamp in milliseconds. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export function dingtalkMessage(group: DeliveryGroup) {
  const title = groupTitle(group);
  const link = group.alerts[0] ? absoluteLink(group.alerts[0].generatorURL) : absoluteLink("/");
  const text = [`### ${title}`, "", ...groupLines(group).map((l) => `- ${l}`), "", `[Open in Facet](${link})`].join(
    "\n",
  );
  return { msgtype: "markdown", markdown: { title, text } };
}

export async function sendDingtalk(channel: LoadedChannel, group: DeliveryGroup, signal: AbortSignal) {
  const url = new URL(channel.secrets.url!);
  if (channel.secrets.secret) {
    const timestamp = Date.now();
    // searchParams encodes the base64 (+, /, =) as DingTalk requires.
    url.searchParams.set("timestamp", String(timestamp));
    url.searchParams.set("sign", dingtalkSign(timestamp, channel.secrets.secret));
  }
  const { status, json } = await postJson(url.toString(), dingtalkMessage(group), {
    signal,
    upstream: `dingtalk ${channel.name}`,
  });
  const code = (json as { errcode?: number } | null)?.errcode ?? 0;
  if (code !== 0) throw new DeliveryError(`DingTalk refused: ${(json as { errmsg?: string }).errmsg ?? code}`, status);
  return { status };
}
