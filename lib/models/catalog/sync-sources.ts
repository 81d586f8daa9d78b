import "server-only";
import type { ModelSourceRow } from "@/lib/db/schema";
import type { SyncPage } from "./sync-page";

export type Pager = (url: string | null, cursor: string | null, signal: AbortSignal) => Promise<SyncPage>;

export async function pagerFor(source: ModelSourceRow): Promise<Pager | "registry"> {
  if (source.kind === "huggingface") return (await import("./sync-huggingface")).huggingfacePage;
  if (source.kind === "openmmlab") return (await import("./sync-openmmlab")).openmmlabPage;
  return "registry";
}
