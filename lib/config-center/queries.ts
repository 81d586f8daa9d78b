// Safe to import from client components: config-center keys, fetchers and editor languages.
import { getJson } from "@/lib/query/get-json";
import type { ConfigType } from "./constants";
import type { ConfigDto, HistoryDto } from "./dto";
import { apiPath } from "@/lib/console/paths";

export type EnvNames = { tenant: string; project: string; environment: string };

export const configApi = apiPath.configs;

export const configKeys = {
  history: (n: EnvNames, dataId: string) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "configs", dataId, "history"] as const,
  entry: (n: EnvNames, dataId: string, id: number) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "configs", dataId, "history", id] as const,
  listeners: (n: EnvNames, dataId: string) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "configs", dataId, "listeners"] as const,
};

export const fetchHistoryEntry = (n: EnvNames, dataId: string, id: number) =>
  getJson<HistoryDto>(`${configApi(n)}/${encodeURIComponent(dataId)}/history/${id}`);
export const fetchListeners = (n: EnvNames, dataId: string) =>
  getJson<{
    items: {
      ip: string;
      clientId: string;
      md5: string;
      inSync: boolean;
      waiting: boolean;
      lastSeenAt: string | null;
    }[];
  }>(`${configApi(n)}/${encodeURIComponent(dataId)}/listeners`);

/** Monaco's language for each config type. */
export const EDITOR_LANGUAGE: Record<ConfigType, string> = {
  text: "plaintext",
  json: "json",
  yaml: "yaml",
  properties: "ini",
  xml: "xml",
  html: "html",
};

export type { ConfigDto, HistoryDto };
