"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugZap, RefreshCw, Square } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";
import type { SourceCheck } from "@/lib/models/catalog/schemas";
import { catalogApi, catalogKeys, type SyncStatus } from "./api";

const ACTIVE = new Set(["running", "stopping"]);

/** The sysadmin's sync of one source: start or resume, progress while it runs, stop. */
export function SyncPanel({ source }: { source: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const key = [...catalogKeys.source(source), "sync"];
  const status = useQuery({
    queryKey: key,
    queryFn: async () => {
      const before = client.getQueryData<SyncStatus>(key);
      const now = await getJson<SyncStatus>(catalogApi.sync(source));
      // A sync that just ended changed the lists and facets: fetch them again.
      if (before && ACTIVE.has(before.state) && !ACTIVE.has(now.state))
        void client.invalidateQueries({
          queryKey: catalogKeys.source(source),
          predicate: (q) => q.queryKey.at(-1) !== "sync",
        });
      return now;
    },
    // Poll only while a sync runs; when it ends, the catalog's lists are refreshed.
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.state) ? 2000 : false),
  });
  const act = useMutation({
    mutationFn: (method: "POST" | "DELETE") => sendJson<SyncStatus>(method, catalogApi.sync(source)),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const check = useMutation({ mutationFn: () => sendJson<SourceCheck>("POST", catalogApi.check(source)) });
  const s = status.data;
  const running = !!s && ACTIVE.has(s.state);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border px-3 py-2 text-sm" aria-live="polite">
      <span className="font-medium">{t("models.catalog.sync")}</span>
      {s && (
        <>
          <Badge tone={s.state === "failed" ? "bad" : s.state === "done" ? "ok" : running ? "warn" : "neutral"}>
            {t(`models.catalog.syncState.${s.state}`)}
          </Badge>
          <span className="text-muted-foreground">
            {s.total === null
              ? t("models.catalog.syncDone", { done: s.done })
              : t("models.catalog.syncProgress", { done: s.done, total: s.total })}
          </span>
        </>
      )}
      {running ? (
        <Button
          size="sm"
          variant="outline"
          disabled={s?.state === "stopping" || act.isPending}
          onClick={() => act.mutate("DELETE")}
        >
          <Square aria-hidden className="h-3 w-3" />
          {t("models.catalog.syncStop")}
        </Button>
      ) : (
        <Button size="sm" variant="outline" disabled={act.isPending} onClick={() => act.mutate("POST")}>
          <RefreshCw aria-hidden className="h-3 w-3" />
          {s?.state === "stopped" || s?.state === "failed"
            ? t("models.catalog.syncResume")
            : t("models.catalog.syncStart")}
        </Button>
      )}
      <Button size="sm" variant="outline" disabled={check.isPending} onClick={() => check.mutate()}>
        <PlugZap aria-hidden className="h-3 w-3" />
        {check.isPending ? t("models.catalog.checking") : t("models.catalog.check")}
      </Button>
      {check.data && (
        <span role="status" className={check.data.ok ? "text-xs text-muted-foreground" : "text-xs text-destructive"}>
          {check.data.ok
            ? t("models.catalog.checkOk", { models: check.data.models, ms: check.data.latencyMs })
            : t("models.catalog.checkFailed", { error: check.data.error ?? "", ms: check.data.latencyMs })}
        </span>
      )}
      {check.isError && <Alert variant="destructive">{(check.error as Error).message}</Alert>}
      {s?.error && <span className="text-xs text-destructive">{s.error}</span>}
      {act.isError && <Alert variant="destructive">{(act.error as Error).message}</Alert>}
    </div>
  );
}
