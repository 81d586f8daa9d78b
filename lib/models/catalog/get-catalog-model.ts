import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { AppError } from "@/lib/errors";
import { decide } from "@/lib/rbac";
import { listModelInstances } from "../deployments/list-model-instances";
import { modelSummaryDto } from "./dto";
import { findModel } from "./find-model";
import { findSource } from "./find-source";

/** A model's page: its summary, card (markdown; the console renders it without HTML) and where it runs. */
export const getCatalogModel = verb(
  "models.catalog.get",
  "models.read",
  async ({ ctx, input }: VerbArgs<{ source: string; model: string }>) => {
    const source = await findSource(input.source);
    const row = await findModel(source.id, input.model);
    // Unpublished models are the admins' to see.
    if (!row.published && !decide(ctx.actor, "models.admin").allow)
      throw new AppError("NOT_FOUND", `There is no model ${input.model} in this source.`);
    const instances = await listModelInstances(ctx.actor, source.name, row.name);
    return { source: source.name, ...modelSummaryDto(row), card: row.card ?? "", instances };
  },
);
