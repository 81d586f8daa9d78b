import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { egressFetch } from "@/lib/net/egress";
import type { SyncedModel, SyncPage } from "./sync-page";

const HUB = "https://huggingface.co";
const RATE_LIMIT_RETRIES = 2;
const MAX_RETRY_AFTER_S = 60;
const PAGE = 500;
// expand[] switches the Hub to projection mode: every field we read is listed (PROTOCOLS §3.1).
const FIELDS = ["downloads", "likes", "lastModified", "pipeline_tag", "library_name", "tags"];
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*){0,2}$/;

/** The first page: the source URL is the Hub (…/api/models is added) or a listing URL with its own filters. */
export function firstHubPage(url: string | null): string {
  const u = new URL(url ?? HUB);
  if (!u.pathname.replace(/\/$/, "").endsWith("/api/models"))
    u.pathname = `${u.pathname.replace(/\/$/, "")}/api/models`;
  if (!u.searchParams.has("sort")) u.searchParams.set("sort", "downloads");
  if (!u.searchParams.has("direction")) u.searchParams.set("direction", "-1");
  if (!u.searchParams.has("limit")) u.searchParams.set("limit", String(PAGE));
  if (!u.searchParams.has("expand[]")) for (const f of FIELDS) u.searchParams.append("expand[]", f);
  return u.toString();
}

/** `Link: <https://…&cursor=…>; rel="next"` → the next page's URL. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return null;
}

interface HubModel {
  id?: string;
  modelId?: string;
  downloads?: number;
  likes?: number;
  lastModified?: string;
  createdAt?: string;
  pipeline_tag?: string;
  library_name?: string;
  tags?: string[];
}

export function hubModel(m: HubModel): SyncedModel | null {
  const name = m.id ?? m.modelId;
  if (!name || name.length > 255 || !MODEL_ID.test(name)) return null;
  const tags = (m.tags ?? []).filter((t) => t.length <= 128 && !/\s/.test(t)).slice(0, 64);
  const license = tags.find((t) => t.startsWith("license:"))?.slice("license:".length) ?? "";
  const when = new Date(m.lastModified ?? m.createdAt ?? Date.now());
  return {
    name,
    task: m.pipeline_tag ?? "",
    framework: m.library_name ?? "",
    license,
    tags: [...new Set([m.pipeline_tag, m.library_name, ...tags].filter((t): t is string => !!t))],
    description: "",
    downloads: Math.max(0, Math.floor(m.downloads ?? 0)),
    likes: Math.max(0, Math.floor(m.likes ?? 0)),
    lastModified: Number.isNaN(when.getTime()) ? new Date() : when,
  };
}

/** One page of the Hub's listing; the cursor is the next page's URL, which must stay on the source's origin. */
export async function huggingfacePage(
  url: string | null,
  cursor: string | null,
  signal: AbortSignal,
): Promise<SyncPage> {
  const first = firstHubPage(url);
  const at = cursor ?? first;
  if (new URL(at).origin !== new URL(first).origin)
    throw new AppError("UPSTREAM", "huggingface: the next page is on another host.", {
      upstream: { name: "huggingface", retryable: false },
    });
  let response = await egressFetch(at, { upstream: "huggingface", signal, headers: { accept: "application/json" } });
  // The Hub rate-limits with 429 and Retry-After: wait as told (bounded) a few times before failing.
  for (let attempt = 0; response.status === 429 && attempt < RATE_LIMIT_RETRIES; attempt++) {
    const seconds = Math.min(Math.max(Number(response.headers.get("retry-after")) || 1, 1), MAX_RETRY_AFTER_S);
    await response.body?.cancel();
    await sleep(seconds * 1000, undefined, { signal });
    response = await egressFetch(at, { upstream: "huggingface", signal, headers: { accept: "application/json" } });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw new AppError("UPSTREAM", `huggingface: ${response.status} ${text.slice(0, 200)}`, {
      upstream: { name: "huggingface", retryable: response.status === 429 || response.status >= 500 },
    });
  }
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body))
    throw new AppError("UPSTREAM", "huggingface: the listing is not a JSON array.", {
      upstream: { name: "huggingface", retryable: false },
    });
  const total = Number(response.headers.get("x-total-count"));
  return {
    models: (body as HubModel[]).map(hubModel).filter((m): m is SyncedModel => m !== null),
    next: nextLink(response.headers.get("link")),
    total: Number.isFinite(total) && total > 0 ? total : null,
    units: body.length,
  };
}
