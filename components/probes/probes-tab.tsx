"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/console/confirm-delete-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consolePath, type EnvironmentNames } from "@/lib/console/paths";
import { deleteProbe, fetchProbes, probeKeys, type ProbeDto } from "./api";
import { millis, percent, when } from "./format";
import { ProbeFormDialog } from "./probe-form-dialog";
import { ProbeStateBadge } from "./state-badge";

function DeleteProbe({ names, name, onDeleted }: { names: EnvironmentNames; name: string; onDeleted: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteProbe(names, name),
    onSuccess: async () => {
      setOpen(false);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: probeKeys.all(names) });
    },
  });
  return (
    <ConfirmDeleteDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        remove.reset();
      }}
      name={name}
      kind={t("probes.kindName")}
      consequences={t("probes.deleteConsequence")}
      pending={remove.isPending}
      error={remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
      onConfirm={() => remove.mutate()}
      inputId={`confirm-probe-${name}`}
    />
  );
}

/** An environment's Probes tab: every probe with its state, uptime and last result. */
export function ProbesTab({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  const { t, locale } = useI18n();
  // State and uptime move by themselves (the scheduler writes them); poll while shown.
  const probes = useQuery({
    queryKey: probeKeys.list(names),
    queryFn: () => fetchProbes(names),
    refetchInterval: 15_000,
  });
  const [feedback, setFeedback] = useState<string | null>(null);

  return (
    <Card aria-labelledby="probes-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="probes-title" className="mb-0">
          {t("probes.title")}
        </CardTitle>
        {canWrite && <ProbeFormDialog names={names} />}
      </div>
      {feedback && <Alert className="mb-3">{feedback}</Alert>}
      {probes.error && <Alert variant="destructive">{probes.error.message}</Alert>}
      {!probes.data && !probes.error && <p aria-busy="true">{t("common.loading")}</p>}
      {probes.data && probes.data.items.length === 0 && (
        <EmptyState title={t("probes.empty")} hint={canWrite ? t("probes.emptyHint") : undefined} />
      )}
      {probes.data && probes.data.items.length > 0 && (
        <Table aria-label={t("probes.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("probes.col.state")}</Th>
              <Th>{t("probes.kind")}</Th>
              <Th>{t("probes.target")}</Th>
              <Th>{t("probes.col.uptime24h")}</Th>
              <Th>{t("probes.col.uptime7d")}</Th>
              <Th>{t("probes.col.latency")}</Th>
              <Th>{t("probes.col.lastStatus")}</Th>
              <Th>{t("probes.col.lastRun")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {probes.data.items.map((p: ProbeDto) => (
              <tr key={p.name}>
                <Td className="font-medium">
                  <Link className="hover:underline" href={consolePath.probe(names, p.name)}>
                    {p.name}
                  </Link>
                  {!p.enabled && <span className="ml-2 text-xs text-muted-foreground">({t("probes.disabled")})</span>}
                </Td>
                <Td>
                  <ProbeStateBadge state={p.state} />
                </Td>
                <Td>{t(`probes.kind.${p.kind}`)}</Td>
                <Td className="max-w-64 break-all font-mono text-xs">{p.target}</Td>
                <Td className="tabular-nums">{percent(p.uptime24h)}</Td>
                <Td className="tabular-nums">{percent(p.uptime7d)}</Td>
                <Td className="tabular-nums">{millis(p.lastLatencyMs)}</Td>
                <Td className="text-xs">
                  {p.lastStatusCode != null && <span className="font-mono">{p.lastStatusCode}</span>}
                  {p.lastError && <span className="block text-destructive">{p.lastError}</span>}
                  {p.lastStatusCode == null && !p.lastError && "—"}
                </Td>
                <Td className="whitespace-nowrap text-xs text-muted-foreground">{when(p.lastRunAt, locale)}</Td>
                <Td>
                  {canWrite && (
                    <div className="flex justify-end gap-2">
                      <ProbeFormDialog names={names} probe={p} />
                      <DeleteProbe
                        names={names}
                        name={p.name}
                        onDeleted={() => setFeedback(t("probes.deleted", { name: p.name }))}
                      />
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
