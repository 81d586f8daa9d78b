import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { removeModelBlobs } from "./blob-store";
import { ModelxError } from "./errors";

/** DELETE …/index: the model with every version and blob. */
export async function deleteModel(access: RepositoryAccess, model: string): Promise<Response> {
  await inTransaction(async (tx) => {
    const [result] = await tx
      .delete(modelxManifests)
      .where(and(eq(modelxManifests.repository, access.repository), eq(modelxManifests.model, model)));
    if (!result.affectedRows) throw new ModelxError("INDEX_UNKNOWN", `no model ${access.repository}/${model}`);
    await writeAudit(tx, access.ctx, {
      action: "modelx.delete-model",
      tenantId: access.tenantId,
      target: `modelx/${access.repository}/${model}`,
    });
  });
  // After the commit: a failed removal leaves unreferenced blobs that garbage collection takes.
  await removeModelBlobs(access.repository, model);
  return Response.json("ok");
}
