import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { catalogModels, modelxManifests } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { IMPLEMENTATION_ANNOTATION } from "../builtin-catalog/publish-builtin-models";
import { findSource } from "../catalog/find-source";
import { LIBRARY } from "../modelx/names";
import { BUILTIN_MODELS } from "../runtime/builtin";

/** What serves a model: Facet's built-in runtime (an implementation) or a HuggingFace server on the cluster. */
export type ResolvedModel =
  | { kind: "builtin"; implementation: string; task: string | null }
  | { kind: "huggingface"; task: string | null; pretrainedModel: string };

/**
 * Source `facet` (Facet's own modelx registry) → the library artifact model:version → its
 * facet.dev/implementation annotation. Other sources name a model a HuggingFace server pulls.
 */
export async function resolveModel(
  tx: Executor,
  input: { source: string; model: string; version: string; parameters: Record<string, string> },
): Promise<ResolvedModel> {
  const source = await findSource(input.source, tx);
  if (source.kind === "modelx" && source.url === null) {
    const [row] = await tx
      .select({ manifest: modelxManifests.manifest })
      .from(modelxManifests)
      .where(
        and(
          eq(modelxManifests.repository, LIBRARY),
          eq(modelxManifests.model, input.model),
          eq(modelxManifests.reference, input.version),
        ),
      )
      .limit(1);
    if (!row)
      throw new AppError(
        "NOT_FOUND",
        `Facet's registry has no model ${input.model}:${input.version} (repository ${LIBRARY}).`,
      );
    const annotations = (JSON.parse(row.manifest) as { annotations?: Record<string, string> }).annotations ?? {};
    const implementation = annotations[IMPLEMENTATION_ANNOTATION];
    if (!implementation)
      throw new AppError(
        "VALIDATION",
        `${input.model}:${input.version} has no ${IMPLEMENTATION_ANNOTATION} annotation: the built-in runtime cannot serve it.`,
        { errors: [{ path: "body.model", message: "not a model the built-in runtime serves" }] },
      );
    const task = annotations.task ?? BUILTIN_MODELS.get(implementation)?.task ?? null;
    return { kind: "builtin", implementation, task };
  }
  const [entry] = await tx
    .select({ task: catalogModels.task })
    .from(catalogModels)
    .where(and(eq(catalogModels.sourceId, source.id), eq(catalogModels.name, input.model)))
    .limit(1);
  return {
    kind: "huggingface",
    task: input.parameters.task ?? (entry?.task || null),
    pretrainedModel: input.parameters.pretrained_model ?? input.model,
  };
}
