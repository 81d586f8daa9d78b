"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EnvironmentNames } from "@/lib/console/paths";
import { ALERT_STATES, SEVERITIES, acknowledgeAlert, alertKeys, fetchAlerts, type AlertItem, type When } from "./api";
import { AlertStateBadge, SeverityBadge } from "./severity-badge";

const when = (at: When | null | undefined, locale: string) => (at == null ? "—" : new Date(at).toLocaleString(locale));
const labelsText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ");

function History({ alert }: { alert: AlertItem }) {
  const { t, locale } = useI18n();
  if (alert.history.length === 0) return <p className="text-sm text-muted-foreground">{t("alerts.noHistory")}</p>;
  return (
    <ol aria-label={t("alerts.historyOf", { rule: alert.rule })} className="space-y-1 text-xs">
      {alert.history.map((h, i) => (
        <li key={i} className="flex flex-wrap gap-3">
          <span className="whitespace-nowrap text-muted-foreground">{when(h.at, locale)}</span>
          <span className="font-medium">{t(`alerts.event.${h.kind}`)}</span>
          {h.severity && <span>{t(`alerts.severity.${h.severity}`)}</span>}
          {h.value != null && <span className="font-mono">{h.value}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The environment's alerts with filters, acknowledge, and each one's history on demand. */
export function AlertsList({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [state, setState] = useState("");
  const [severity, setSeverity] = useState("");
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const filter = { state: state || undefined, severity: severity || undefined };
  const alerts = useQuery({
    queryKey: alertKeys.alerts(names, filter),
    queryFn: () => fetchAlerts(names, filter),
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });
  const ack = useMutation({
    mutationFn: (id: AlertItem["id"]) => acknowledgeAlert(names, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
  });
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card aria-labelledby="alerts-list-title">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <CardTitle id="alerts-list-title" className="mb-0">
          {t("alerts.list")}
        </CardTitle>
        <div className="flex flex-wrap gap-3">
          <div className="w-40 max-w-full">
            <Field id="alerts-filter-state" label={t("alerts.col.state")}>
              <NativeSelect id="alerts-filter-state" value={state} onChange={(e) => setState(e.target.value)}>
                <option value="">{t("alerts.any")}</option>
                {ALERT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`alerts.state.${s}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>
          <div className="w-40 max-w-full">
            <Field id="alerts-filter-severity" label={t("alerts.col.severity")}>
              <NativeSelect id="alerts-filter-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
                <option value="">{t("alerts.any")}</option>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`alerts.severity.${s}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>
        </div>
      </div>
      {ack.error && (
        <Alert variant="destructive" className="mb-3">
          {ack.error.message}
        </Alert>
      )}
      {alerts.error && <Alert variant="destructive">{alerts.error.message}</Alert>}
      {!alerts.data && !alerts.error && <p aria-busy="true">{t("common.loading")}</p>}
      {alerts.data && alerts.data.items.length === 0 && (
        <EmptyState
          title={t("alerts.empty")}
          hint={state || severity ? t("alerts.emptyFiltered") : t("alerts.emptyHint")}
        />
      )}
      {alerts.data && alerts.data.items.length > 0 && (
        <Table aria-label={t("alerts.list")}>
          <THead>
            <tr>
              <Th>
                <span className="sr-only">{t("alerts.history")}</span>
              </Th>
              <Th>{t("alerts.col.rule")}</Th>
              <Th>{t("alerts.col.state")}</Th>
              <Th>{t("alerts.col.severity")}</Th>
              <Th>{t("alerts.col.value")}</Th>
              <Th>{t("alerts.col.message")}</Th>
              <Th>{t("alerts.col.since")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {alerts.data.items.map((a) => {
              const id = String(a.id);
              const open = expanded.has(id);
              return (
                <Fragment key={id}>
                  <tr>
                    <Td>
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-expanded={open}
                        aria-controls={`alert-history-${id}`}
                        aria-label={t("alerts.showHistory", { rule: a.rule })}
                        onClick={() => toggle(id)}
                      >
                        {open ? (
                          <ChevronDown aria-hidden className="h-4 w-4" />
                        ) : (
                          <ChevronRight aria-hidden className="h-4 w-4" />
                        )}
                      </Button>
                    </Td>
                    <Td className="font-medium">
                      {a.rule}
                      {Object.keys(a.labels).length > 0 && (
                        <span className="block break-all font-mono text-xs font-normal text-muted-foreground">
                          {labelsText(a.labels)}
                        </span>
                      )}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        <AlertStateBadge state={a.state} />
                        {a.silenced && <span className="text-xs text-muted-foreground">{t("alerts.silenced")}</span>}
                        {a.inhibited && <span className="text-xs text-muted-foreground">{t("alerts.inhibited")}</span>}
                      </div>
                    </Td>
                    <Td>
                      <SeverityBadge severity={a.severity} />
                    </Td>
                    <Td className="font-mono tabular-nums">{a.value ?? "—"}</Td>
                    <Td className="max-w-80 text-xs">{a.message || "—"}</Td>
                    <Td className="whitespace-nowrap text-xs">
                      {when(a.state === "resolved" ? a.resolvedAt : (a.firedAt ?? a.startsAt), locale)}
                    </Td>
                    <Td>
                      <div className="flex justify-end gap-2">
                        {a.acknowledgedBy ? (
                          <span className="text-xs text-muted-foreground">
                            {t("alerts.acknowledgedBy", { user: a.acknowledgedBy })}
                          </span>
                        ) : (
                          canWrite &&
                          a.state !== "resolved" && (
                            <Button
                              size="sm"
                              variant="outline"
                              disabled={ack.isPending && ack.variables === a.id}
                              aria-label={t("alerts.acknowledgeRule", { rule: a.rule })}
                              onClick={() => ack.mutate(a.id)}
                            >
                              {t("alerts.acknowledge")}
                            </Button>
                          )
                        )}
                      </div>
                    </Td>
                  </tr>
                  {open && (
                    <tr id={`alert-history-${id}`}>
                      <Td />
                      <Td colSpan={7}>
                        <History alert={a} />
                      </Td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
