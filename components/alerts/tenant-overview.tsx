"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consolePath } from "@/lib/console/paths";
import { SEVERITIES, alertKeys, fetchOverview } from "./api";
import { SeverityChart } from "./severity-chart";
import { AlertStateBadge, SeverityBadge } from "./severity-badge";

const SEVERITY_COLORS = { critical: "#be123c", error: "#f43f5e", warning: "#d97706", info: "#0284c7" } as const;

/** A tenant's alerts at a glance: firing now, by severity, today, and per environment. */
export function TenantAlertsOverview({ tenant }: { tenant: string }) {
  const { t, locale } = useI18n();
  const overview = useQuery({
    queryKey: alertKeys.overview(tenant),
    queryFn: () => fetchOverview(tenant),
    refetchInterval: 30_000,
  });
  if (overview.error) return <Alert variant="destructive">{overview.error.message}</Alert>;
  if (!overview.data) return <p aria-busy="true">{t("common.loading")}</p>;
  const o = overview.data;
  const envPage = (project: string, environment: string) =>
    consolePath.environmentView({ tenant, project, environment }, "alerts");

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Card aria-labelledby="overview-firing">
          <h2 id="overview-firing" className="text-sm text-muted-foreground">
            {t("alerts.overview.firing")}
          </h2>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{o.firing}</p>
        </Card>
        <Card aria-labelledby="overview-today">
          <h2 id="overview-today" className="text-sm text-muted-foreground">
            {t("alerts.overview.today")}
          </h2>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{o.today}</p>
        </Card>
      </div>
      <Card aria-labelledby="overview-severity">
        <CardTitle id="overview-severity">{t("alerts.overview.bySeverity")}</CardTitle>
        <SeverityChart
          label={t("alerts.overview.bySeverityChart", {
            summary: SEVERITIES.map((s) => `${t(`alerts.severity.${s}`)} ${o.bySeverity[s] ?? 0}`).join(", "),
          })}
          bars={SEVERITIES.map((s) => ({
            name: t(`alerts.severity.${s}`),
            value: o.bySeverity[s] ?? 0,
            color: SEVERITY_COLORS[s],
          }))}
        />
      </Card>
      <Card aria-labelledby="overview-environments">
        <CardTitle id="overview-environments">{t("alerts.overview.environments")}</CardTitle>
        {o.environments.length === 0 ? (
          <EmptyState title={t("alerts.overview.noEnvironments")} />
        ) : (
          <Table aria-label={t("alerts.overview.environments")}>
            <THead>
              <tr>
                <Th>{t("alerts.overview.environment")}</Th>
                <Th>{t("alerts.overview.firing")}</Th>
              </tr>
            </THead>
            <TBody>
              {o.environments.map((e) => (
                <tr key={`${e.project}/${e.environment}`}>
                  <Td>
                    <Link className="hover:underline" href={envPage(e.project, e.environment)}>
                      {e.project} / {e.environment}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">{e.firing}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="overview-recent">
        <CardTitle id="overview-recent">{t("alerts.overview.recent")}</CardTitle>
        {o.recent.length === 0 ? (
          <EmptyState title={t("alerts.empty")} />
        ) : (
          <Table aria-label={t("alerts.overview.recent")}>
            <THead>
              <tr>
                <Th>{t("alerts.col.rule")}</Th>
                <Th>{t("alerts.overview.environment")}</Th>
                <Th>{t("alerts.col.state")}</Th>
                <Th>{t("alerts.col.severity")}</Th>
                <Th>{t("alerts.col.message")}</Th>
                <Th>{t("alerts.col.since")}</Th>
              </tr>
            </THead>
            <TBody>
              {o.recent.map((a) => (
                <tr key={String(a.id)}>
                  <Td className="font-medium">{a.rule}</Td>
                  <Td>
                    {a.project && a.environment ? (
                      <Link className="hover:underline" href={envPage(a.project, a.environment)}>
                        {a.project} / {a.environment}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>
                    <AlertStateBadge state={a.state} />
                  </Td>
                  <Td>
                    <SeverityBadge severity={a.severity} />
                  </Td>
                  <Td className="max-w-80 text-xs">{a.message || "—"}</Td>
                  <Td className="whitespace-nowrap text-xs">
                    {(a.firedAt ?? a.startsAt) ? new Date((a.firedAt ?? a.startsAt)!).toLocaleString(locale) : "—"}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
