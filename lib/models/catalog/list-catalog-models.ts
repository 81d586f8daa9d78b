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
type SortColumn = (typeof SORT_COLUMNS)[number];

/**
 * How a page reaches its rows (bench/catalog.ts measured each):
 * - `sorted` walks the sort's index and filters as it goes: fast while matches are common;
 * - `tag` starts from the tag's rows (catalog_model_tags (tag, model_id)) and sorts them: for a rare tag,
 *   where walking the sort index would read the whole source to find none;
 * - `name` scans the (source_id, name) index, which holds the name, and sorts the matches: for a rare
 *   text, where LIKE '%…%' on the sort index would fetch every row.
 */
const ACCESS = ["sorted", "tag", "name"] as const;
type Access = (typeof ACCESS)[number];
/** A filter matching fewer rows than this takes the `tag` or `name` path. */
export const SELECTIVE = 2000;

const FROM = {
  sorted: sqlText`FROM catalog_models m WHERE`,
  tag: sqlText`FROM catalog_model_tags t STRAIGHT_JOIN catalog_models m ON m.id = t.model_id WHERE t.tag = ? AND`,
  name: sqlText`FROM catalog_models m FORCE INDEX (catalog_models_name_idx) WHERE`,
} as const;

// One constant statement per sort and access path, built at load from whitelisted pieces: filters
// left out are bound as NULL and fold away; the keyset cursor is (sort value, id), both descending.
const statement = (column: SortColumn, access: Access) => {
  const c = sqlIdentifier(column, SORT_COLUMNS);
  return sqlText`SELECT m.id, m.name, m.task, m.framework, m.license, m.tags, m.description, m.downloads, m.likes,
      m.rating_count, m.rating_score, m.published, m.recommended, m.last_modified
    ${FROM[access]} m.source_id = ? AND (? = 1 OR m.published = 1)
      AND (? IS NULL OR m.task = ?) AND (? IS NULL OR m.framework = ?) AND (? IS NULL OR m.license = ?)
      AND (? IS NULL OR m.name LIKE ?)
      AND (? IS NULL OR EXISTS (SELECT 1 FROM catalog_model_tags t2 WHERE t2.model_id = m.id AND t2.tag = ?))
      AND (? IS NULL OR (m.${c} < ? OR (m.${c} = ? AND m.id < ?)))
    ORDER BY m.${c} DESC, m.id DESC LIMIT ?`.text;
};
const statements = (column: SortColumn) =>
  Object.fromEntries(ACCESS.map((a) => [a, statement(column, a)])) as Record<Access, string>;
const LIST = {
  downloads: { sql: statements("downloads"), key: "downloads", kind: "number" },
  likes: { sql: statements("likes"), key: "likes", kind: "number" },
  rating: { sql: statements("rating_score"), key: "rating_score", kind: "number" },
  recent: { sql: statements("last_modified"), key: "last_modified", kind: "time" },
} as const;

// Bounded probes: they stop counting at SELECTIVE, so a common value costs little.
// The bound is a bound value too (LIMIT ? binds in MariaDB prepared and text protocols alike).
const TAG_PROBE = "SELECT COUNT(*) n FROM (SELECT 1 FROM catalog_model_tags WHERE tag = ? LIMIT ?) x";
const NAME_PROBE =
  "SELECT COUNT(*) n FROM (SELECT 1 FROM catalog_models FORCE INDEX (catalog_models_name_idx) WHERE source_id = ? AND name LIKE ? LIMIT ?) x";

async function accessFor(sourceId: number, tag: string | undefined, q: string | null): Promise<Access> {
  const pool = getPool();
  if (tag) {
    const [[row]] = await pool.query<RowDataPacket[]>(TAG_PROBE, [tag, SELECTIVE]);
    if (Number(row.n) < SELECTIVE) return "tag";
  }
  if (q) {
    const [[row]] = await pool.query<RowDataPacket[]>(NAME_PROBE, [sourceId, q, SELECTIVE]);
    if (Number(row.n) < SELECTIVE) return "name";
  }
  return "sorted";
}

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
    const access = await accessFor(source.id, input.tag, q);
    const [rows] = await getPool().query<RowDataPacket[]>(list.sql[access], [
      ...(access === "tag" ? [input.tag] : []),
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
