"use client";

import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { Dialog as Primitive } from "radix-ui";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { consolePath } from "@/lib/console/paths";
import { fetchSearch, searchKeys } from "@/lib/search/queries";
import { MAX_SEARCH_QUERY, isTraceId, type SearchResultDto } from "@/lib/search/schemas";
import { cn } from "@/lib/ui/cn";

/** The query settles for this long before it is sent: one request per pause, not per key. */
const DEBOUNCE_MS = 180;

function useDebounced(value: string, ms: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Ctrl/⌘-K: jump to any tenant, project, environment, application or config the user may see,
 *  or to a trace by its id. A combobox over a listbox, in a Radix dialog (focus trap, Escape). */
export function CommandPalette() {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const query = useDebounced(q.trim(), DEBOUNCE_MS);
  const results = useQuery({
    queryKey: searchKeys.results(query),
    queryFn: () => fetchSearch(query),
    enabled: open && query.length > 0 && query.length <= MAX_SEARCH_QUERY,
    staleTime: 30_000,
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const typed = q.trim();
  const server = query === typed ? (results.data?.items ?? []) : [];
  // A pasted trace id is offered at once; the server's answer says the same a moment later.
  const items: SearchResultDto[] =
    isTraceId(typed) && !server.some((i) => i.kind === "trace")
      ? [{ kind: "trace", name: typed.toLowerCase(), href: consolePath.trace(typed.toLowerCase()) }, ...server]
      : server;
  const current = Math.min(active, Math.max(items.length - 1, 0));

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setQ("");
      setActive(0);
    }
  };
  const go = (item: SearchResultDto | undefined) => {
    if (!item) return;
    close(false);
    router.push(item.href);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves && items.length) {
      event.preventDefault();
      setActive(moves[event.key]);
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(items[current]);
    }
  };

  const waiting = typed.length > 0 && (typed !== query || results.isFetching) && !items.length;
  return (
    <Primitive.Root open={open} onOpenChange={close}>
      <Primitive.Trigger asChild>
        <Button variant="outline" size="sm" aria-keyshortcuts="Control+K Meta+K" className="gap-2 px-2 sm:px-3">
          <Search aria-hidden className="h-4 w-4" />
          <span className="sr-only sm:not-sr-only">{t("search.open")}</span>
          <kbd aria-hidden className="hidden rounded border bg-muted px-1 font-mono text-[10px] lg:inline">
            {t("search.shortcut")}
          </kbd>
        </Button>
      </Primitive.Trigger>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Primitive.Content className="fixed left-1/2 top-[12vh] z-50 flex max-h-[76vh] w-[min(40rem,94vw)] -translate-x-1/2 flex-col overflow-hidden rounded-lg border bg-card shadow-lg">
          <Primitive.Title className="sr-only">{t("search.title")}</Primitive.Title>
          <Primitive.Description className="sr-only">{t("search.description")}</Primitive.Description>
          <div className="flex items-center gap-2 border-b px-3">
            <Search aria-hidden className="h-4 w-4 shrink-0 text-muted-foreground" />
            <input
              role="combobox"
              aria-label={t("search.label")}
              aria-expanded={items.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={items.length ? optionId(current) : undefined}
              maxLength={MAX_SEARCH_QUERY}
              autoComplete="off"
              spellCheck={false}
              placeholder={t("search.placeholder")}
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              className="h-12 min-w-0 flex-1 bg-transparent text-sm outline-none placeholder:text-muted-foreground"
            />
          </div>
          <ul id={listId} role="listbox" aria-label={t("search.results")} className="overflow-y-auto p-2">
            {items.map((item, i) => (
              <li
                key={`${item.kind}:${item.href}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                onMouseMove={() => setActive(i)}
                onClick={() => go(item)}
                className={cn(
                  "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm",
                  i === current && "bg-accent",
                )}
              >
                <span className="w-24 shrink-0 text-xs text-muted-foreground">{t(`search.kind.${item.kind}`)}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{item.name}</span>
                  {item.tenant && (
                    <span className="block truncate text-xs text-muted-foreground">
                      {[item.tenant, item.project, item.environment].filter(Boolean).join(" / ")}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <div className="border-t px-3 py-2 text-xs text-muted-foreground" aria-live="polite">
            {results.isError
              ? t("search.failed", { message: (results.error as Error).message })
              : waiting
                ? t("common.loading")
                : typed && !items.length
                  ? t("search.empty", { q: typed })
                  : typed
                    ? t("search.keys")
                    : t("search.prompt")}
          </div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
