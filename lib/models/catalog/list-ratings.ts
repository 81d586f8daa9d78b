import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getDb } from "@/lib/db/client";
import { catalogModelRatings, users } from "@/lib/db/schema";
import { findVisibleModel } from "./find-visible-model";

// Bounded: the newest ratings and, for each, its oldest replies (a conversation reads top down).
export const MAX_RATINGS = 100;
export const MAX_REPLIES = 500;

export interface RatingDto {
  id: number;
  user: string;
  rating: number | null;
  comment: string;
  createdAt: string;
  updatedAt: string;
  replies: RatingDto[];
}

const columns = {
  id: catalogModelRatings.id,
  parentId: catalogModelRatings.parentId,
  user: users.username,
  rating: catalogModelRatings.rating,
  comment: catalogModelRatings.comment,
  createdAt: catalogModelRatings.createdAt,
  updatedAt: catalogModelRatings.updatedAt,
};
type Row = { id: number; user: string; rating: number | null; comment: string; createdAt: Date; updatedAt: Date };
export const ratingDto = (r: Row, replies: RatingDto[] = []): RatingDto => ({
  id: r.id,
  user: r.user,
  rating: r.rating,
  comment: r.comment,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  replies,
});

/** A model's ratings with their replies, and the average kept on the catalog row. */
export const listRatings = verb(
  "models.ratings.list",
  "models.read",
  async ({ ctx, input }: VerbArgs<{ source: string; model: string }>) => {
    const { row } = await findVisibleModel(ctx.actor, input.source, input.model);
    const top = await getDb()
      .select(columns)
      .from(catalogModelRatings)
      .innerJoin(users, eq(users.id, catalogModelRatings.userId))
      .where(and(eq(catalogModelRatings.modelId, row.id), isNull(catalogModelRatings.parentId)))
      .orderBy(desc(catalogModelRatings.id))
      .limit(MAX_RATINGS);
    const replies = top.length
      ? await getDb()
          .select(columns)
          .from(catalogModelRatings)
          .innerJoin(users, eq(users.id, catalogModelRatings.userId))
          .where(
            and(
              eq(catalogModelRatings.modelId, row.id),
              inArray(
                catalogModelRatings.parentId,
                top.map((t) => t.id),
              ),
            ),
          )
          .orderBy(catalogModelRatings.id)
          .limit(MAX_REPLIES)
      : [];
    const byParent = new Map<number, RatingDto[]>();
    for (const r of replies) {
      const list = byParent.get(r.parentId!) ?? [];
      list.push(ratingDto(r));
      byParent.set(r.parentId!, list);
    }
    return {
      items: top.map((t) => ratingDto(t, byParent.get(t.id) ?? [])),
      average: row.ratingCount ? row.ratingScore / 100 : null,
      count: row.ratingCount,
    };
  },
);
