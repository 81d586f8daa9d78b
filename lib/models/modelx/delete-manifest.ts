import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { ModelxError } from "./errors";

/** 202: the version is gone; its blobs are reclaimed by garbage collection. */
export async function deleteManifest(access: RepositoryAccess, model: string, reference: string): Promise<Response> {
  await inTransaction(async (tx) => {
    const [result] = await tx
      .delete(modelxManifests)
      .where(
        and(
          eq(modelxManifests.repository, access.repository),
          eq(modelxManifests.model, model),
          eq(modelxManifests.reference, reference),
        ),
      );
    if (!result.affectedRows)
      throw new ModelxError("MANIFEST_UNKNOWN", `no manifest ${access.repository}/${model}:${reference}`);
    await writeAudit(tx, access.ctx, {
      action: "modelx.delete-version",
      tenantId: access.tenantId,
      target: `modelx/${access.repository}/${model}:${reference}`,
    });
  });
  return new Response(null, { status: 202 });
}
