import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { ModelxError } from "./errors";
import type { Manifest } from "./manifest";
import { searchPattern } from "./search";

const MAX_VERSIONS = 1000;

/** The versions of one model, newest first, with the newest annotations as the model's. */
export async function getModelIndex(access: RepositoryAccess, model: string, search: string | null): Promise<Response> {
  const pattern = searchPattern(search);
  const rows = await getDb()
    .select({
      reference: modelxManifests.reference,
      size: modelxManifests.size,
      updatedAt: modelxManifests.updatedAt,
      manifest: modelxManifests.manifest,
    })
    .from(modelxManifests)
    .where(
      and(
        eq(modelxManifests.repository, access.repository),
        eq(modelxManifests.model, model),
        pattern === null ? undefined : sql`${modelxManifests.reference} REGEXP ${pattern}`,
      ),
    )
    .orderBy(desc(modelxManifests.updatedAt))
    .limit(MAX_VERSIONS);
  if (!rows.length && pattern === null)
    throw new ModelxError("INDEX_UNKNOWN", `no model ${access.repository}/${model}`);
  const parsed = rows.map((r) => ({ ...r, manifest: JSON.parse(r.manifest) as Manifest }));
  return Response.json({
    schemaVersion: 0,
    mediaType: "application/vnd.modelx.model.index.v1.json",
    manifests: parsed.map((r) => ({
      name: r.reference,
      size: r.size,
      modified: r.updatedAt.toISOString(),
      annotations: r.manifest.annotations ?? {},
    })),
    annotations: parsed.find((r) => r.manifest.annotations && Object.keys(r.manifest.annotations).length)?.manifest
      .annotations,
  });
}
