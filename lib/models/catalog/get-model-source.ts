import "server-only";
import type { RowDataPacket } from "mysql2";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getPool } from "@/lib/db/client";
import { sourceDto } from "./dto";
import { findSource } from "./find-source";

// The values the filter chips offer, with how many published models carry each.
const FACET_COUNTS = {
  task: "SELECT task v, COUNT(*) n FROM catalog_models WHERE source_id = ? AND published = 1 AND task <> '' GROUP BY task ORDER BY n DESC LIMIT 100",
  framework:
    "SELECT framework v, COUNT(*) n FROM catalog_models WHERE source_id = ? AND published = 1 AND framework <> '' GROUP BY framework ORDER BY n DESC LIMIT 100",
  license:
    "SELECT license v, COUNT(*) n FROM catalog_models WHERE source_id = ? AND published = 1 AND license <> '' GROUP BY license ORDER BY n DESC LIMIT 100",
} as const;

export const getModelSource = verb(
  "models.sources.get",
  "models.read",
  async ({ input }: VerbArgs<{ source: string }>) => {
    const row = await findSource(input.source);
    const facets: Record<string, { value: string; count: number }[]> = {};
    for (const [name, statement] of Object.entries(FACET_COUNTS)) {
      const [rows] = await getPool().query<RowDataPacket[]>(statement, [row.id]);
      facets[name] = rows.map((r) => ({ value: r.v, count: Number(r.n) }));
    }
    return { ...sourceDto(row), facets };
  },
);
