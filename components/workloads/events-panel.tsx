"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { fetchEvents, workloadKeys, type EventFilters, type Names } from "@/lib/workloads/queries";
import { age } from "./age";

const MAX_SCANNED = 5000;

/** The environment's events, warnings first, filtered on the server and read a page at a time. */
export function EventsPanel({ names }: { names: Names }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<EventFilters>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const events = useQuery({
    queryKey: workloadKeys.events(names, filters, cursor),
    queryFn: () => fetchEvents(names, filters, cursor),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
    retry: false,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "").trim() || undefined;
    setFilters({
      type: (text("type") as EventFilters["type"]) ?? undefined,
      kind: text("kind"),
      name: text("name"),
      q: text("q"),
    });
    setCursors([null]);
  };
  const data = events.data;
  return (
    <div className="space-y-3">
      <form
        role="search"
        aria-label={t("events.filters")}
        onSubmit={submit}
        className="grid gap-2 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto] sm:items-end"
      >
        <div className="space-y-1">
          <Label htmlFor="events-type">{t("events.type")}</Label>
          <NativeSelect
            id="events-type"
            name="type"
            defaultValue=""
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t("events.typeAll")}</option>
            <option value="Warning">{t("events.warning")}</option>
            <option value="Normal">{t("events.normal")}</option>
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="events-kind">{t("events.kind")}</Label>
          <Input id="events-kind" name="kind" maxLength={63} placeholder="Pod" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="events-name">{t("events.name")}</Label>
          <Input id="events-name" name="name" maxLength={253} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="events-q">{t("events.text")}</Label>
          <Input id="events-q" name="q" maxLength={200} />
        </div>
        <Button type="submit" variant="outline">
          {t("events.apply")}
        </Button>
      </form>
      {events.error ? (
        <Alert variant="destructive">
          <p className="font-medium">{t("workloads.clusterFailed")}</p>
          <p>{(events.error as Error).message}</p>
        </Alert>
      ) : !data ? (
        <p className="text-sm text-muted-foreground" aria-busy="true">
          {t("common.loading")}
        </p>
      ) : data.items.length === 0 ? (
        <EmptyState title={t("events.empty")} hint={t("events.emptyHint")} />
      ) : (
        <>
          <p className="text-sm text-muted-foreground" role="status">
            {t("events.summary", { warnings: data.warnings, total: data.total })}
          </p>
          {data.truncated && <Alert>{t("events.truncated", { max: MAX_SCANNED })}</Alert>}
          <Table aria-label={t("kinds.events")}>
            <THead>
              <tr>
                <Th>{t("events.type")}</Th>
                <Th>{t("events.reason")}</Th>
                <Th>{t("events.object")}</Th>
                <Th>{t("events.message")}</Th>
                <Th>{t("events.count")}</Th>
                <Th>{t("events.lastSeen")}</Th>
              </tr>
            </THead>
            <TBody>
              {data.items.map((e) => (
                <tr key={e.name}>
                  <Td>
                    <Badge tone={e.type === "Warning" ? "bad" : "neutral"}>
                      {e.type === "Warning" ? t("events.warning") : t("events.normal")}
                    </Badge>
                  </Td>
                  <Td className="font-medium">{e.reason}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    {e.kind}/{e.object}
                  </Td>
                  <Td className="min-w-64">{e.message}</Td>
                  <Td>{e.count}</Td>
                  <Td className="whitespace-nowrap">{age(e.lastSeen)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
      {(cursors.length > 1 || data?.nextCursor) && (
        <nav aria-label={t("kinds.events")} className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">{t("kinds.page", { n: cursors.length })}</span>
          <Button
            size="sm"
            variant="outline"
            disabled={cursors.length === 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t("kinds.previous")}
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={!data?.nextCursor}
            onClick={() => setCursors((c) => [...c, data!.nextCursor])}
          >
            {t("kinds.next")}
          </Button>
        </nav>
      )}
    </div>
  );
}
