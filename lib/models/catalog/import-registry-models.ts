import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { indexTags } from "./index-tags";
import { catalogModels, modelxManifests } from "@/lib/db/schema";
import type { Manifest } from "../modelx/manifest";
import { LIBRARY } from "../modelx/names";

/**
 * The library of Facet's own modelx registry as catalog entries (newest version of each model;
 * project repositories stay private to their projects). Task, licence and runtime come from the
 * manifest's annotations.
 */
export async function importRegistryModels(tx: Executor, sourceId: number): Promise<number> {
  const rows = await tx
    .select({ model: modelxManifests.model, manifest: modelxManifests.manifest, updatedAt: modelxManifests.updatedAt })
    .from(modelxManifests)
    .where(and(eq(modelxManifests.repository, LIBRARY)))
    .orderBy(desc(modelxManifests.updatedAt))
    .limit(5000);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!newest.has(r.model)) newest.set(r.model, r);
  const values = [...newest.values()].map((r) => {
    const annotations = (JSON.parse(r.manifest) as Manifest).annotations ?? {};
    const framework = annotations["facet.dev/runtime"] ?? "";
    const task = annotations.task ?? "";
    return {
      sourceId,
      name: r.model,
      task,
      framework,
      license: annotations.license ?? "",
      tags: [task, framework, "builtin"].filter(Boolean).join(" "),
      description: annotations.description ?? "",
      lastModified: r.updatedAt,
    };
  });
  if (!values.length) return 0;
  await tx
    .insert(catalogModels)
    .values(values)
    .onDuplicateKeyUpdate({
      set: { task: sql`VALUES(task)`, framework: sql`VALUES(framework)`, lastModified: sql`VALUES(last_modified)` },
    });
  await indexTags(tx, sourceId);
  return values.length;
}
