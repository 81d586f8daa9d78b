import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { modelSources } from "@/lib/db/schema";
import { createModelSource } from "./create-model-source";
import { findSource } from "./find-source";
import { importRegistryModels } from "./import-registry-models";

/** The two sources a fresh install has: HuggingFace (its offline catalog) and Facet's own registry. */
export async function seedModelSources(ctx: AuthedContext): Promise<string> {
  const existing = new Set((await getDb().select({ name: modelSources.name }).from(modelSources)).map((r) => r.name));
  if (!existing.has("huggingface"))
    await createModelSource({
      ctx,
      // No URL: the public Hub (checked when a sync fetches it; nothing resolves it offline at seed time).
      input: { name: "huggingface", kind: "huggingface", enabled: true, url: null, images: {} },
    });
  if (!existing.has("facet"))
    await createModelSource({ ctx, input: { name: "facet", kind: "modelx", enabled: true, url: null, images: {} } });
  else {
    // Published again by this seed: the catalog follows the library.
    const facet = await findSource("facet");
    await inTransaction((tx) => importRegistryModels(tx, facet.id));
  }
  return "model sources: huggingface (offline catalog), facet (built-in registry)";
}
