import "server-only";
import { parse } from "yaml";
import { AppError } from "@/lib/errors";
import { egressFetch } from "@/lib/net/egress";
import type { SyncedModel, SyncPage } from "./sync-page";

const upstream = (message: string, retryable = false) =>
  new AppError("UPSTREAM", `openmmlab: ${message}`, { upstream: { name: "openmmlab", retryable } });

async function fetchYaml(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await egressFetch(url, { upstream: "openmmlab", signal });
  if (!response.ok) throw upstream(`${response.status} for ${url}`, response.status >= 500);
  const text = await response.text();
  if (text.length > 8 * 1024 * 1024) throw upstream(`${url} is larger than 8 MiB.`);
  return parse(text, { maxAliasCount: 100 });
}

interface Metafile {
  Collections?: { Name?: string; Paper?: { Title?: string; URL?: string }; Code?: { URL?: string } }[];
  Models?: {
    Name?: string;
    "In Collection"?: string;
    Config?: string;
    Metadata?: Record<string, unknown>;
    Results?: { Task?: string; Dataset?: string; Metrics?: Record<string, number> }[];
    Weights?: string;
  }[];
}

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const modelName = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 255);

// Markdown made from the metafile's fields; the console renders it as text, never as HTML.
function card(m: NonNullable<Metafile["Models"]>[number], paper?: { Title?: string; URL?: string }): string {
  const lines = [`# ${m.Name}`, ""];
  if (paper?.Title) lines.push(`Paper: [${paper.Title}](${paper.URL ?? ""})`, "");
  if (m.Config) lines.push(`Config: \`${m.Config}\``, "");
  for (const r of m.Results ?? []) {
    lines.push(`## ${r.Task ?? "Results"}${r.Dataset ? ` on ${r.Dataset}` : ""}`, "");
    for (const [k, v] of Object.entries(r.Metrics ?? {})) lines.push(`- ${k}: ${v}`);
    lines.push("");
  }
  if (m.Weights) lines.push(`Weights: ${m.Weights}`);
  return lines.join("\n");
}

export function metafileModels(file: Metafile, when: Date): SyncedModel[] {
  const collections = new Map((file.Collections ?? []).map((c) => [c.Name, c]));
  const out: SyncedModel[] = [];
  for (const m of file.Models ?? []) {
    if (!m?.Name) continue;
    const name = modelName(m.Name);
    if (!name) continue;
    const collection = m["In Collection"] ? collections.get(m["In Collection"]) : undefined;
    const task = slug(m.Results?.[0]?.Task ?? "");
    const data = m.Metadata?.["Training Data"];
    const datasets = (Array.isArray(data) ? data : data ? [data] : []).map(String).map(slug).filter(Boolean);
    out.push({
      name,
      task,
      framework: "openmmlab",
      license: "",
      tags: [...new Set([task, "openmmlab", m["In Collection"] ? slug(m["In Collection"]) : "", ...datasets])].filter(
        (t) => t && t.length <= 128,
      ),
      description: collection?.Paper?.Title ?? "",
      card: card(m, collection?.Paper),
      downloads: 0,
      likes: 0,
      lastModified: when,
    });
  }
  return out;
}

/** One metafile per page: the cursor is the index of the next `Import` of model-index.yml. */
export async function openmmlabPage(url: string | null, cursor: string | null, signal: AbortSignal): Promise<SyncPage> {
  if (!url) throw upstream("the source has no model-index.yml URL.");
  const index = (await fetchYaml(url, signal)) as { Import?: unknown };
  const imports = Array.isArray(index?.Import) ? index.Import.filter((i): i is string => typeof i === "string") : [];
  const at = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(at) || at < 0) throw upstream("the saved cursor is not an index.");
  if (at >= imports.length) return { models: [], next: null, total: imports.length, units: 0 };
  const metafileUrl = new URL(imports[at], url);
  if (metafileUrl.origin !== new URL(url).origin) throw upstream("a metafile is on another host.");
  const file = (await fetchYaml(metafileUrl.toString(), signal)) as Metafile;
  return {
    models: metafileModels(file ?? {}, new Date()),
    next: at + 1 < imports.length ? String(at + 1) : null,
    total: imports.length,
    units: 1,
  };
}
