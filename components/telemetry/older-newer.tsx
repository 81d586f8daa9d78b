"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** The `before` of a paged result list: results strictly older than it (ms), from the URL. */
export function beforeOf(params: URLSearchParams): number | null {
  const before = Number(params.get("before"));
  return Number.isFinite(before) && before > 0 ? before : null;
}

/** The query the API gets for a page: the window ends just before `before`; `before` stays ours. */
export function pageQuery(query: URLSearchParams, params: URLSearchParams): URLSearchParams {
  const before = beforeOf(params);
  query.delete("before");
  if (before !== null) query.set("end", String(Math.min(Number(query.get("end")) || before, before - 1)));
  return query;
}

/**
 * Paging by time, newest first: "Older" continues below the last result shown, "Newest" goes back
 * to the top. Works the same on every backend (the embedded store, Loki, Jaeger), which all answer
 * a window newest first.
 */
export function OlderNewer({ oldest, full, label }: { oldest: number | null; full: boolean; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const go = (before: number | null) => {
    const next = new URLSearchParams(params);
    if (before === null) next.delete("before");
    else next.set("before", String(before));
    router.push(`${pathname}?${next}`);
  };
  const paged = beforeOf(params) !== null;
  if (!paged && !full) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-end gap-2">
      {paged && (
        <Button size="sm" variant="outline" onClick={() => go(null)}>
          {t("telemetry.newest")}
        </Button>
      )}
      {full && oldest !== null && (
        <Button size="sm" variant="outline" onClick={() => go(oldest)}>
          {t("telemetry.older")}
        </Button>
      )}
    </nav>
  );
}
