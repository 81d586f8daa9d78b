import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { AppError } from "@/lib/errors";
import { decide } from "@/lib/rbac";
import { modelSummaryDto } from "./dto";
import { findModel } from "./find-model";
import { findSource } from "./find-source";

/** A model's page: its summary and card (markdown; the console renders it without HTML). */
export const getCatalogModel = verb(
  "models.catalog.get",
  "models.read",
  async ({ ctx, input }: VerbArgs<{ source: string; model: string }>) => {
    const source = await findSource(input.source);
    const row = await findModel(source.id, input.model);
    // Unpublished models are the admins' to see.
    if (!row.published && !decide(ctx.actor, "models.admin").allow)
      throw new AppError("NOT_FOUND", `There is no model ${input.model} in this source.`);
    return { source: source.name, ...modelSummaryDto(row), card: row.card ?? "" };
  },
);
