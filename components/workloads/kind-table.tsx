"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { MessageKey } from "@/lib/i18n/translate";
import type { KindRows } from "@/lib/workloads/kind-views";
import { fetchKindPage, workloadKeys, type Names } from "@/lib/workloads/queries";
import type { ListableResource } from "@/lib/workloads/resources";
import { age } from "./age";
import { CreateObjectDialog } from "./create-object-dialog";
import { RevealSecretDialog } from "./reveal-secret-dialog";
import { YamlDialog } from "./yaml-dialog";

type Column<R extends ListableResource> = { header: MessageKey; cell: (row: KindRows[R]) => ReactNode };
type Columns = { [R in ListableResource]: Column<R>[] };

const mono = (text: string) => <span className="font-mono text-xs">{text}</span>;
const list = (items: string[]) => (items.length ? mono(items.join(", ")) : "—");
const when = (iso: string | null, never: string) => (iso ? age(iso) : never);
const created: Column<ListableResource> = { header: "kinds.age", cell: (r) => age(r.createdAt) };

function columns(t: (key: MessageKey, values?: Record<string, string | number>) => string): Columns {
  const keys = (ks: { key: string; size: number }[]) =>
    ks.length ? (
      <ul className="space-y-0.5">
        {ks.map((k) => (
          <li key={k.key}>
            {mono(k.key)} <span className="text-xs text-muted-foreground">{t("kinds.bytes", { n: k.size })}</span>
          </li>
        ))}
      </ul>
    ) : (
      "—"
    );
  return {
    statefulsets: [
      { header: "kinds.ready", cell: (r) => `${r.ready}/${r.desired}` },
      { header: "kinds.images", cell: (r) => list(r.images) },
      created,
    ],
    daemonsets: [
      { header: "kinds.ready", cell: (r) => `${r.ready}/${r.desired}` },
      { header: "kinds.available", cell: (r) => r.available },
      { header: "kinds.images", cell: (r) => list(r.images) },
      created,
    ],
    jobs: [
      { header: "kinds.completions", cell: (r) => `${r.succeeded}/${r.completions}` },
      {
        header: "kinds.status",
        cell: (r) => (
          <Badge tone={r.status === "Complete" ? "ok" : r.status === "Failed" ? "bad" : "warn"}>{r.status}</Badge>
        ),
      },
      created,
    ],
    cronjobs: [
      { header: "kinds.schedule", cell: (r) => mono(r.timeZone ? `${r.schedule} (${r.timeZone})` : r.schedule) },
      {
        header: "kinds.status",
        cell: (r) =>
          r.suspend ? <Badge tone="warn">{t("kinds.suspended")}</Badge> : `${t("kinds.active")}: ${r.active}`,
      },
      { header: "kinds.lastSchedule", cell: (r) => when(r.lastScheduleTime, t("kinds.never")) },
      { header: "kinds.lastSuccess", cell: (r) => when(r.lastSuccessfulTime, t("kinds.never")) },
    ],
    ingresses: [
      { header: "kinds.class", cell: (r) => r.className ?? "—" },
      { header: "kinds.hosts", cell: (r) => list(r.hosts) },
      { header: "kinds.address", cell: (r) => list(r.address) },
      { header: "kinds.tls", cell: (r) => (r.tls ? "✓" : "—") },
      created,
    ],
    configmaps: [{ header: "kinds.keys", cell: (r) => keys(r.keys) }, created],
    secrets: [
      { header: "kinds.type", cell: (r) => mono(r.type) },
      { header: "kinds.keys", cell: (r) => keys(r.keys) },
      created,
    ],
    persistentvolumeclaims: [
      {
        header: "kinds.status",
        cell: (r) => <Badge tone={r.phase === "Bound" ? "ok" : r.phase === "Lost" ? "bad" : "warn"}>{r.phase}</Badge>,
      },
      { header: "kinds.capacity", cell: (r) => r.capacity ?? "—" },
      { header: "kinds.requested", cell: (r) => r.requested ?? "—" },
      { header: "kinds.accessModes", cell: (r) => list(r.accessModes) },
      { header: "kinds.storageClass", cell: (r) => r.storageClass ?? "—" },
    ],
  };
}

/** One kind of the environment, a page at a time (the cluster's own paging), with its actions. */
export function KindTable<R extends ListableResource>({
  names,
  resource,
  canWrite,
}: {
  names: Names;
  resource: R;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // Cursors of the pages before this one, so "previous" needs no backwards paging from the cluster.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: workloadKeys.kind(names, resource, cursor),
    queryFn: () => fetchKindPage(names, resource, cursor),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
    retry: false,
  });
  const kindLabel = t(`kinds.${resource}`);
  const cols = columns(t)[resource] as Column<ListableResource>[];
  const rows = (page.data?.items ?? []) as KindRows[ListableResource][];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: workloadKeys.kinds(names) });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{resource === "secrets" ? t("kinds.hiddenValues") : null}</p>
        {canWrite && (
          <CreateObjectDialog
            names={names}
            resource={resource}
            kindLabel={kindLabel}
            onCreated={() => setCursors([null])}
          />
        )}
      </div>
      {page.error ? (
        <Alert variant="destructive">
          <p className="font-medium">{t("workloads.clusterFailed")}</p>
          <p>{(page.error as Error).message}</p>
        </Alert>
      ) : !page.data ? (
        <p className="text-sm text-muted-foreground" aria-busy="true">
          {t("common.loading")}
        </p>
      ) : rows.length === 0 && cursors.length === 1 ? (
        <EmptyState title={t("kinds.empty", { kind: kindLabel })} hint={t("kinds.emptyHintShort")} />
      ) : (
        <Table aria-label={kindLabel}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              {cols.map((c) => (
                <Th key={c.header}>{t(c.header)}</Th>
              ))}
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <tr key={row.name}>
                <Td className="font-medium">{row.name}</Td>
                {cols.map((c) => (
                  <Td key={c.header}>{c.cell(row)}</Td>
                ))}
                <Td className="whitespace-nowrap text-right">
                  <div className="inline-flex gap-2">
                    {resource === "secrets" && canWrite && <RevealSecretDialog names={names} name={row.name} />}
                    <YamlDialog names={names} resource={resource} name={row.name} canEdit={canWrite} />
                    {canWrite && (
                      <ConfirmDelete
                        operation="deleteObject"
                        input={{ params: { ...names, resource, name: row.name } }}
                        name={row.name}
                        kind={kindLabel}
                        triggerLabel={`${t("common.delete")} ${row.name}`}
                        onDeleted={refresh}
                      />
                    )}
                  </div>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {(cursors.length > 1 || page.data?.nextCursor) && (
        <nav aria-label={kindLabel} className="flex items-center justify-end gap-2 text-sm">
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
            disabled={!page.data?.nextCursor}
            onClick={() => setCursors((c) => [...c, page.data!.nextCursor])}
          >
            {t("kinds.next")}
          </Button>
        </nav>
      )}
    </div>
  );
}
