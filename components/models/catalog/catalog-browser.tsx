"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Download, Heart, Search, Sparkles } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { getJson } from "@/lib/query/get-json";
import { cn } from "@/lib/ui/cn";
import {
  CATALOG_SORTS,
  catalogApi,
  catalogKeys,
  catalogPagePath,
  fetchSource,
  fetchSources,
  type CatalogFilters,
  type CatalogPage,
  type CatalogSort,
} from "./api";
import { Stars } from "./stars";
import { SyncPanel } from "./sync-panel";

const FACETS = ["task", "framework", "license"] as const;
const compact = new Intl.NumberFormat(undefined, { notation: "compact" });

/** The catalog: the state lives in the URL (?source=&q=&task=&…), so a filtered view can be shared. */
export function CatalogBrowser({ defaultSource, sysadmin }: { defaultSource: string; sysadmin: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const source = params.get("source") || defaultSource;
  const sort = (CATALOG_SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as CatalogSort)
    : "downloads";
  const filters: CatalogFilters = {
    sort,
    q: params.get("q") || undefined,
    task: params.get("task") || undefined,
    framework: params.get("framework") || undefined,
    license: params.get("license") || undefined,
    tag: params.get("tag") || undefined,
  };

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  };

  const sources = useQuery({ queryKey: catalogKeys.sources(), queryFn: fetchSources });
  const detail = useQuery({ queryKey: catalogKeys.source(source), queryFn: () => fetchSource(source) });
  const models = useInfiniteQuery({
    queryKey: catalogKeys.models(source, filters),
    queryFn: ({ pageParam }) => getJson<CatalogPage>(catalogApi.models(source, filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = models.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = FACETS.some((f) => filters[f]) || !!filters.tag || !!filters.q;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <Label htmlFor="catalog-source">{t("models.catalog.source")}</Label>
          <NativeSelect
            id="catalog-source"
            value={source}
            onChange={(e) =>
              set({ source: e.target.value, task: undefined, framework: undefined, license: undefined, tag: undefined })
            }
          >
            {(sources.data?.items ?? [{ name: source }]).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <SearchBox key={filters.q ?? ""} initial={filters.q ?? ""} onSearch={(q) => set({ q: q || undefined })} />
        <div className="space-y-1.5">
          <Label htmlFor="catalog-sort">{t("models.catalog.sort")}</Label>
          <NativeSelect id="catalog-sort" value={sort} onChange={(e) => set({ sort: e.target.value })}>
            {CATALOG_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`models.catalog.sort.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      {sysadmin && <SyncPanel key={source} source={source} />}

      {FACETS.map((facet) => {
        const values = detail.data?.facets[facet] ?? [];
        if (!values.length) return null;
        return (
          <div
            key={facet}
            role="group"
            aria-label={t(`models.catalog.facet.${facet}`)}
            className="flex flex-wrap items-center gap-1.5"
          >
            <span className="mr-1 text-xs font-medium text-muted-foreground">{t(`models.catalog.facet.${facet}`)}</span>
            {values.slice(0, 24).map((v) => {
              const on = filters[facet] === v.value;
              return (
                <button
                  key={v.value}
                  type="button"
                  aria-pressed={on}
                  onClick={() => set({ [facet]: on ? undefined : v.value })}
                  className={cn(
                    "rounded-full border px-2.5 py-0.5 text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    on ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
                  )}
                >
                  {v.value} <span className="opacity-70">{v.count}</span>
                </button>
              );
            })}
          </div>
        );
      })}
      {filters.tag && (
        <div className="flex items-center gap-2 text-xs">
          <span className="text-muted-foreground">{t("models.catalog.facet.tag")}</span>
          <button
            type="button"
            aria-pressed
            onClick={() => set({ tag: undefined })}
            className="rounded-full border border-primary bg-primary px-2.5 py-0.5 text-primary-foreground"
          >
            {filters.tag} ×
          </button>
        </div>
      )}

      {models.isError ? (
        <Alert variant="destructive">{(models.error as Error).message}</Alert>
      ) : models.isPending ? (
        <p className="text-sm text-muted-foreground">{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <EmptyState
          title={t("models.catalog.empty")}
          hint={filtered ? t("models.catalog.emptyFiltered") : t("models.catalog.emptyHint")}
        />
      ) : (
        <ul aria-label={t("models.catalog.results")} className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {items.map((m) => (
            <li key={m.name} className="flex flex-col rounded-lg border bg-card p-4">
              <div className="flex items-start justify-between gap-2">
                <Link
                  href={catalogPagePath.model(source, m.name)}
                  className="break-all font-medium text-primary hover:underline"
                >
                  {m.name}
                </Link>
                {m.recommended && (
                  <Badge tone="ok" className="shrink-0">
                    <Sparkles aria-hidden className="mr-1 h-3 w-3" />
                    {t("models.catalog.recommended")}
                  </Badge>
                )}
              </div>
              {m.description && <p className="mt-1 line-clamp-2 text-xs text-muted-foreground">{m.description}</p>}
              <div className="mt-2 flex flex-wrap gap-1">
                {m.task && <Badge>{m.task}</Badge>}
                {m.framework && <Badge tone="dev">{m.framework}</Badge>}
                {m.license && <Badge tone="test">{m.license}</Badge>}
                {!m.published && <Badge tone="bad">{t("models.catalog.unpublished")}</Badge>}
              </div>
              <div className="mt-auto flex items-center gap-4 pt-3 text-xs text-muted-foreground">
                <span title={t("models.catalog.sort.downloads")}>
                  <Download aria-hidden className="mr-1 inline h-3 w-3" />
                  <span className="sr-only">{t("models.catalog.sort.downloads")}: </span>
                  {compact.format(m.downloads)}
                </span>
                <span title={t("models.catalog.sort.likes")}>
                  <Heart aria-hidden className="mr-1 inline h-3 w-3" />
                  <span className="sr-only">{t("models.catalog.sort.likes")}: </span>
                  {compact.format(m.likes)}
                </span>
                <Stars value={m.rating} />
                {m.ratingCount > 0 && <span>({m.ratingCount})</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {models.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => models.fetchNextPage()} disabled={models.isFetchingNextPage}>
            {models.isFetchingNextPage ? t("common.loading") : t("models.catalog.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The search box; remounted (by key) when the URL's q changes, so it shows what is applied. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      className="flex min-w-64 flex-1 items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <div className="flex-1 space-y-1.5">
        <Label htmlFor="catalog-q">{t("models.catalog.search")}</Label>
        <Input
          id="catalog-q"
          type="search"
          value={q}
          maxLength={128}
          placeholder={t("models.catalog.searchPlaceholder")}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <Button type="submit" variant="outline" aria-label={t("models.catalog.search")}>
        <Search aria-hidden className="h-4 w-4" />
      </Button>
    </form>
  );
}
