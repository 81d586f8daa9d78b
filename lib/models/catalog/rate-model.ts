import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { catalogModelRatings, catalogModels } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { findVisibleModel } from "./find-visible-model";
import { ratingDto, type RatingDto } from "./list-ratings";
import type { RatingBody } from "./schemas";

/**
 * Rates a model (one rating per user: a second one replaces the first) or replies to a rating.
 * The catalog row's sum, count and score change in the same transaction, under its row lock,
 * so concurrent raters cannot lose an update.
 */
export const rateModel = verb(
  "models.ratings.create",
  "models.rate",
  async ({ ctx, input }: VerbArgs<{ source: string; model: string; body: RatingBody }>): Promise<RatingDto> => {
    const { body } = input;
    return inTransaction(async (tx) => {
      const { source, row } = await findVisibleModel(ctx.actor, input.source, input.model, tx);
      // The lock orders raters of one model; it also guards "one rating per user" (no unique index: replies share the table).
      await tx.execute(sql`SELECT id FROM catalog_models WHERE id = ${row.id} FOR UPDATE`);
      const target = `model-sources/${source.name}/models/${input.model}`;
      let id: number;
      if (body.parentId !== undefined) {
        const [parent] = await tx
          .select({ id: catalogModelRatings.id })
          .from(catalogModelRatings)
          .where(
            and(
              eq(catalogModelRatings.id, body.parentId),
              eq(catalogModelRatings.modelId, row.id),
              isNull(catalogModelRatings.parentId),
            ),
          );
        if (!parent)
          throw new AppError("VALIDATION", "There is no such rating of this model to reply to.", {
            errors: [{ path: "body.parentId", message: "Reply to a rating of this model." }],
          });
        const [res] = await tx
          .insert(catalogModelRatings)
          .values({ modelId: row.id, userId: ctx.actor.id, parentId: parent.id, rating: null, comment: body.comment })
          .$returningId();
        id = res.id;
        await writeAudit(tx, ctx, { action: "models.ratings.reply", target, after: { parentId: parent.id, id } });
      } else {
        const rating = body.rating!;
        const [mine] = await tx
          .select({ id: catalogModelRatings.id, rating: catalogModelRatings.rating })
          .from(catalogModelRatings)
          .where(
            and(
              eq(catalogModelRatings.modelId, row.id),
              eq(catalogModelRatings.userId, ctx.actor.id),
              isNull(catalogModelRatings.parentId),
            ),
          )
          .limit(1);
        if (mine) {
          id = mine.id;
          await tx
            .update(catalogModelRatings)
            .set({ rating, comment: body.comment })
            .where(eq(catalogModelRatings.id, mine.id));
        } else {
          const [res] = await tx
            .insert(catalogModelRatings)
            .values({ modelId: row.id, userId: ctx.actor.id, parentId: null, rating, comment: body.comment })
            .$returningId();
          id = res.id;
        }
        const delta = rating - (mine?.rating ?? 0);
        const added = mine ? 0 : 1;
        await tx
          .update(catalogModels)
          .set({
            ratingSum: sql`rating_sum + ${delta}`,
            ratingCount: sql`rating_count + ${added}`,
            // Computed from the new values in the same statement (MariaDB assigns left to right).
            ratingScore: sql`ROUND(rating_sum * 100 / GREATEST(rating_count, 1))`,
          })
          .where(eq(catalogModels.id, row.id));
        await writeAudit(tx, ctx, {
          action: "models.ratings.rate",
          target,
          before: mine ? { rating: mine.rating } : undefined,
          after: { rating, id },
        });
      }
      const [saved] = await tx.select().from(catalogModelRatings).where(eq(catalogModelRatings.id, id));
      return ratingDto({ ...saved, user: ctx.actor.username });
    });
  },
);
