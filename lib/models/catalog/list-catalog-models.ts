import "server-only";
import type { RowDataPacket } from "mysql2";
import { containsPattern, decodeCursor, encodeCursor } from "@/lib/core/pagination";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getPool } from "@/lib/db/client";
import { sqlIdentifier, sqlText } from "@/lib/db/sql-text";
import { AppError } from "@/lib/errors";
import { decide } from "@/lib/rbac";
import { modelSummaryDto } from "./dto";
import { findSource } from "./find-source";
import type { CatalogQuery } from "./schemas";

const SORT_COLUMNS = ["downloads", "likes", "rating_score", "last_modified"] as const;
// One constant statement per sort, built at load from the whitelisted column: filters left out
// are bound as NULL and fold away; the keyset cursor is (sort value, id), both descending.
const statement = (column: (typeof SORT_COLUMNS)[number]) => {
  const c = sqlIdentifier(column, SORT_COLUMNS);
  return sqlText`SELECT m.id, m.name, m.task, m.framework, m.license, m.tags, m.description, m.downloads, m.likes,
      m.rating_count, m.rating_score, m.published, m.recommended, m.last_modified
    FROM catalog_models m
    WHERE m.source_id = ? AND (? = 1 OR m.published = 1)
      AND (? IS NULL OR m.task = ?) AND (? IS NULL OR m.framework = ?) AND (? IS NULL OR m.license = ?)
      AND (? IS NULL OR m.name LIKE ?)
      AND (? IS NULL OR EXISTS (SELECT 1 FROM catalog_model_tags t WHERE t.model_id = m.id AND t.tag = ?))
      AND (? IS NULL OR (m.${c} < ? OR (m.${c} = ? AND m.id < ?)))
    ORDER BY m.${c} DESC, m.id DESC LIMIT ?`.text;
};
const LIST = {
  downloads: { sql: statement("downloads"), key: "downloads", kind: "number" },
  likes: { sql: statement("likes"), key: "likes", kind: "number" },
  rating: { sql: statement("rating_score"), key: "rating_score", kind: "number" },
  recent: { sql: statement("last_modified"), key: "last_modified", kind: "time" },
} as const;

const badCursor = () =>
  new AppError("VALIDATION", "The cursor is not one this API handed out.", {
    errors: [{ path: "query.cursor", message: "Use nextCursor from the previous page." }],
  });

function parseCursor(cursor: string | undefined, kind: "number" | "time"): [unknown, number] | null {
  const text = decodeCursor(cursor);
  if (text === undefined) return null;
  const m = /^(-?\d{1,16}(?:\.\d{1,3})?)\/([1-9]\d{0,15})$/.exec(text);
  if (!m) throw badCursor();
  const value = Number(m[1]);
  return [kind === "time" ? new Date(value) : value, Number(m[2])];
}

/** A page of a source's catalog, filtered and sorted; unpublished models only for admins who ask. */
export const listCatalogModels = verb(
  "models.catalog.list",
  "models.read",
  async ({ ctx, input }: VerbArgs<CatalogQuery & { source: string }>) => {
    const source = await findSource(input.source);
    const all = input.all && decide(ctx.actor, "models.admin").allow;
    const list = LIST[input.sort];
    const after = parseCursor(input.cursor, list.kind);
    const q = input.q ? containsPattern(input.q) : null;
    const pair = (v: unknown) => [v ?? null, v ?? null];
    const [rows] = await getPool().query<RowDataPacket[]>(list.sql, [
      source.id,
      all ? 1 : 0,
      ...pair(input.task),
      ...pair(input.framework),
      ...pair(input.license),
      ...pair(q),
      ...pair(input.tag),
      after ? 1 : null,
      after?.[0] ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      input.limit + 1,
    ]);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const last = page[page.length - 1];
    const keyOf = (r: RowDataPacket) => {
      const v = r[list.key];
      return list.kind === "time" ? (v as Date).getTime() : Number(v);
    };
    return {
      items: page.map((r) =>
        modelSummaryDto({
          name: r.name,
          task: r.task,
          framework: r.framework,
          license: r.license,
          tags: r.tags,
          description: r.description,
          downloads: Number(r.downloads),
          likes: Number(r.likes),
          ratingCount: Number(r.rating_count),
          ratingScore: Number(r.rating_score),
          published: Boolean(r.published),
          recommended: Boolean(r.recommended),
          lastModified: r.last_modified,
        }),
      ),
      nextCursor: more ? encodeCursor(`${keyOf(last)}/${last.id}`) : null,
    };
  },
);
