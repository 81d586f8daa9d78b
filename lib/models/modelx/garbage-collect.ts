import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { listBlobs, removeBlob, removeStaleUploads } from "./blob-store";
import type { Manifest } from "./manifest";

/** A blob younger than this may belong to a push whose manifest is still to come. */
const graceMs = () => Number(process.env.FACET_MODELX_GC_GRACE_SECONDS ?? 3600) * 1000;

/** Removes the model's blobs that no manifest names (past the grace period) and dead uploads. */
export async function garbageCollect(access: RepositoryAccess, model: string): Promise<Response> {
  const rows = await getDb()
    .select({ manifest: modelxManifests.manifest })
    .from(modelxManifests)
    .where(and(eq(modelxManifests.repository, access.repository), eq(modelxManifests.model, model)));
  const referenced = new Set<string>();
  for (const row of rows) {
    const m = JSON.parse(row.manifest) as Manifest;
    for (const d of [m.config, ...m.blobs]) referenced.add(d.digest);
  }
  const now = Date.now();
  const removed: { digest: string; size: number }[] = [];
  for (const blob of await listBlobs(access.repository, model)) {
    if (referenced.has(blob.digest) || now - blob.modifiedMs < graceMs()) continue;
    await removeBlob(access.repository, model, blob.digest);
    removed.push({ digest: blob.digest, size: blob.size });
  }
  const uploads = await removeStaleUploads(24 * 3600_000);
  const freedBytes = removed.reduce((n, b) => n + b.size, 0);
  await inTransaction((tx) =>
    writeAudit(tx, access.ctx, {
      action: "modelx.garbage-collect",
      tenantId: access.tenantId,
      target: `modelx/${access.repository}/${model}`,
      after: { removed: removed.length, freedBytes },
    }),
  );
  return Response.json({ removed, freedBytes, staleUploads: uploads });
}
