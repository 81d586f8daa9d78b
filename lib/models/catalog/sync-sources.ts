import "server-only";
import type { ModelSourceRow } from "@/lib/db/schema";
import type { SyncedModel } from "./sync-page";

/** A page of a source's listing. `units` is what progress counts (models for the Hub, metafiles for OpenMMLab). */
export interface SyncPage {
  models: SyncedModel[];
  next: string | null;
  total: number | null;
  units: number;
}

export type Pager = (url: string | null, cursor: string | null, signal: AbortSignal) => Promise<SyncPage>;

export async function pagerFor(source: ModelSourceRow): Promise<Pager | "registry"> {
  if (source.kind === "huggingface") return (await import("./sync-huggingface")).huggingfacePage;
  if (source.kind === "openmmlab") return (await import("./sync-openmmlab")).openmmlabPage;
  return "registry";
}
