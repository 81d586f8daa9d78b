import "server-only";
import { TASKS_DATA } from "@huggingface/tasks";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { indexTags } from "./index-tags";
import { catalogModels } from "@/lib/db/schema";

/**
 * HuggingFace's own per-task example models (shipped in @huggingface/tasks), as catalog entries:
 * a store that works with no Hub in reach. The task's most used library stands in for the
 * framework; the Hub's counters are unknown offline, so they start at 0 and a sync fills them.
 */
export async function importOfflineCatalog(tx: Executor, sourceId: number): Promise<number> {
  const entries = new Map<string, { task: string; framework: string; description: string }>();
  for (const [task, data] of Object.entries(TASKS_DATA)) {
    if (!data) continue;
    const framework = data.libraries.includes("transformers") ? "transformers" : (data.libraries[0] ?? "");
    for (const model of data.models ?? []) {
      if (!entries.has(model.id))
        entries.set(model.id, { task, framework, description: (model.description ?? "").slice(0, 1024) });
    }
  }
  const rows = [...entries].map(([name, e]) => ({
    sourceId,
    name,
    task: e.task,
    framework: e.framework,
    license: "",
    tags: [e.task, e.framework].filter(Boolean).join(" "),
    description: e.description,
  }));
  if (!rows.length) return 0;
  await tx
    .insert(catalogModels)
    .values(rows)
    .onDuplicateKeyUpdate({ set: { task: sql`VALUES(task)`, description: sql`VALUES(description)` } });
  await indexTags(tx, sourceId);
  return rows.length;
}
