import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { AuthedContext } from "@/lib/core/context";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { channelOrThrow, tenantOwner, type ChannelOwner } from "./channel-rows";
import type { DeliveryGroup } from "./delivery-group";
import { SEND_TIMEOUT_MS, sendLoaded, type SendResult } from "./senders/send-group";

/** A synthetic firing alert, labelled so receivers can tell it from real ones. */
export function testGroup(channel: string, actor: string): DeliveryGroup {
  const now = new Date().toISOString();
  return {
    groupKey: `{}/{facet_test="true"}:{alertname="FacetTestAlert"}`,
    ruleName: "FacetTestAlert",
    receiver: channel,
    alerts: [
      {
        alertId: 0,
        status: "firing",
        severity: "info",
        message: `Test alert sent by ${actor} from Facet; no action needed.`,
        value: null,
        labels: { alertname: "FacetTestAlert", severity: "info", facet_test: "true", channel },
        annotations: { message: `Test alert sent by ${actor} from Facet; no action needed.` },
        fingerprint: `facet-test-${channel}`,
        startsAt: now,
        endsAt: null,
        generatorURL: "/",
      },
    ],
  };
}

/** Sends the test alert now and says how it went; changes nothing (no queue, no channel state). */
export async function testChannel(ctx: AuthedContext, o: ChannelOwner, name: string): Promise<SendResult> {
  const row = await channelOrThrow(o, name);
  return sendLoaded(row, testGroup(row.name, ctx.actor.username), SEND_TIMEOUT_MS());
}

export const testTenantChannel = verb(
  "alert-channels.test",
  "alert-channels.write",
  ({ ctx, input }: VerbArgs<{ name: string }, TenantCtx>) => testChannel(ctx, tenantOwner(ctx), input.name),
);
