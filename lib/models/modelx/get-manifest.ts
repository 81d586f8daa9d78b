import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { ModelxError } from "./errors";

export async function getManifest(access: RepositoryAccess, model: string, reference: string): Promise<Response> {
  const [row] = await getDb()
    .select({ manifest: modelxManifests.manifest })
    .from(modelxManifests)
    .where(
      and(
        eq(modelxManifests.repository, access.repository),
        eq(modelxManifests.model, model),
        eq(modelxManifests.reference, reference),
      ),
    )
    .limit(1);
  if (!row) throw new ModelxError("MANIFEST_UNKNOWN", `no manifest ${access.repository}/${model}:${reference}`);
  return new Response(row.manifest, { status: 200, headers: { "content-type": "application/json" } });
}
