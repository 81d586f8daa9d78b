// Safe to import from client components: the model catalog API of issue 15 (paths, DTOs, keys).
import type { ModelSummaryDto, SourceDto } from "@/lib/models/catalog/dto";
import type { SyncStatus } from "@/lib/models/catalog/schemas";
import type { ModelInstance } from "@/lib/models/deployments/model-instance";
import { getJson } from "@/lib/query/get-json";

export type { ModelSummaryDto, SourceDto, SyncStatus };
export const CATALOG_SORTS = ["downloads", "likes", "recent", "rating"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export interface Facet {
  value: string;
  count: number;
}
export type SourceDetail = SourceDto & { facets: Record<"task" | "framework" | "license", Facet[]> };
export interface CatalogPage {
  items: ModelSummaryDto[];
  nextCursor: string | null;
}
export type ModelDetail = ModelSummaryDto & { source: string; card: string; instances: ModelInstance[] };
export interface RatingItem {
  id: number;
  user: string;
  rating: number | null;
  comment: string;
  createdAt: string;
  replies: RatingItem[];
}
export interface RatingsList {
  items: RatingItem[];
  average: number | null;
  count: number;
}
export interface CatalogFilters {
  q?: string;
  task?: string;
  framework?: string;
  license?: string;
  tag?: string;
  sort: CatalogSort;
}
/** modelx's index of one model's versions (PROTOCOLS §9). */
export interface RegistryIndex {
  manifests: { name: string; size: number; modified: string; annotations: Record<string, string> }[];
}
export interface RegistryManifest {
  config: { name: string; size: number };
  blobs: { name: string; size: number; digest: string }[];
}

const seg = encodeURIComponent;
const API = "/api/v1/model-sources";
/** Model ids keep their "/" (the API's catch-all); each part is encoded. */
export const modelIdPath = (model: string) => model.split("/").map(seg).join("/");

export const catalogApi = {
  sources: () => API,
  source: (source: string) => `${API}/${seg(source)}`,
  models: (source: string, f: CatalogFilters, cursor?: string) => {
    const q = new URLSearchParams({ sort: f.sort, limit: "24" });
    for (const k of ["q", "task", "framework", "license", "tag"] as const) if (f[k]) q.set(k, f[k]!);
    if (cursor) q.set("cursor", cursor);
    return `${API}/${seg(source)}/models?${q}`;
  },
  model: (source: string, model: string) => `${API}/${seg(source)}/models/${modelIdPath(model)}`,
  ratings: (source: string, model: string) => `${API}/${seg(source)}/models/${modelIdPath(model)}/ratings`,
  sync: (source: string) => `${API}/${seg(source)}/sync`,
  check: (source: string) => `${API}/${seg(source)}/check`,
  /** Facet's own registry: library models only (the `facet` source). */
  registryIndex: (model: string) => `/modelx/library/${modelIdPath(model)}/index`,
  registryBlob: (model: string, digest: string) => `/modelx/library/${modelIdPath(model)}/blobs/${seg(digest)}`,
  registryManifest: (model: string, version: string) =>
    `/modelx/library/${modelIdPath(model)}/manifests/${seg(version)}`,
};

export const catalogPagePath = {
  catalog: () => "/models",
  model: (source: string, model: string) => `/models/${seg(source)}/${modelIdPath(model)}`,
};

export const catalogKeys = {
  all: ["models", "catalog"] as const,
  sources: () => [...catalogKeys.all, "sources"] as const,
  source: (source: string) => [...catalogKeys.all, "source", source] as const,
  models: (source: string, f: CatalogFilters) => [...catalogKeys.all, "source", source, "models", f] as const,
  model: (source: string, model: string) => [...catalogKeys.all, "source", source, "model", model] as const,
  ratings: (source: string, model: string) => [...catalogKeys.model(source, model), "ratings"] as const,
  registry: (model: string) => [...catalogKeys.all, "registry", model] as const,
};

export const fetchSources = () => getJson<{ items: SourceDto[] }>(catalogApi.sources());
export const fetchSource = (source: string) => getJson<SourceDetail>(catalogApi.source(source));
