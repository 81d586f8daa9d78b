import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { getDb } from "@/lib/db/client";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(base64: string): { value: string; encoding: "utf-8" | "base64" } {
  try {
    return { value: utf8.decode(Buffer.from(base64, "base64")), encoding: "utf-8" };
  } catch {
    // Binary values (keystores, certificates in DER) stay base64 rather than turn into mojibake.
    return { value: base64, encoding: "base64" };
  }
}

/** A Secret's values, decoded. Writers only, and every reveal leaves an audit row naming the keys:
 *  the row is written before the values are answered, so an unaudited reveal cannot happen. */
export const revealSecret = verb(
  "workloads.secret.reveal",
  "workloads.update",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const secret = await onCluster(cluster, () => client.core.readNamespacedSecret({ name: input.name, namespace }));
    const values = Object.entries(secret.data ?? {}).map(([key, v]) => ({ key, ...decode(v) }));
    await writeAudit(getDb(), ctx, {
      action: "workloads.secret.reveal",
      tenantId: ctx.scope.tenant.id,
      target: `cluster/${cluster}/namespace/${namespace}/secrets/${input.name}`,
      after: { keys: values.map((v) => v.key) },
    });
    return { name: input.name, resourceVersion: secret.metadata?.resourceVersion ?? null, values };
  },
);
