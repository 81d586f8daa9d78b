"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consolePath, type EnvironmentNames } from "@/lib/console/paths";
import { fetchFlows, fetchOutputs, loggingKeys, setCollectAll, type FlowItem, type LoggingScope } from "./api";
import { ActionsHeader } from "./actions-header";
import { DeleteLoggingObject } from "./delete-logging-object";
import { FlowFormDialog } from "./flow-form-dialog";
import { LinesSparkline } from "./lines-sparkline";
import { OutputFormDialog } from "./output-form-dialog";
import { OutputsTable } from "./outputs-table";
import { LastChangeCell, LoggingStatus } from "./status-badge";

/** The editor page of one object (or a new one) of this environment. */
export const yamlPage = (names: EnvironmentNames, kind: "Flow" | "Output", name?: string) =>
  `${consolePath.environmentView(names, "logging")}/yaml?kind=${kind.toLowerCase()}${name ? `&name=${encodeURIComponent(name)}` : ""}`;

const current = (points: FlowItem["linesPerSecond"]) => (points.length ? points[points.length - 1].v : 0);

/** A row's YAML link and, for writers, its delete. */
function RowActions({
  names,
  kind,
  name,
  canWrite,
}: {
  names: EnvironmentNames;
  kind: "Flow" | "Output";
  name: string;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button asChild size="sm" variant="outline">
        <Link href={yamlPage(names, kind, name)} aria-label={t("logging.yamlOf", { kind, name })}>
          YAML
        </Link>
      </Button>
      {canWrite && <DeleteLoggingObject scope={{ level: "environment", names }} kind={kind} name={name} />}
    </>
  );
}

/** An environment's Logging tab: what is collected (Flows), where it goes (Outputs), and the switch for all. */
export function LoggingTab({
  names,
  applications,
  canWrite,
}: {
  names: EnvironmentNames;
  applications: string[];
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const scope: LoggingScope = { level: "environment", names };
  const queryClient = useQueryClient();
  // Status and lines/s move by themselves (the operator writes them); poll while shown.
  const flows = useQuery({
    queryKey: loggingKeys.list(scope, "Flow"),
    queryFn: () => fetchFlows(scope),
    refetchInterval: 15_000,
  });
  const outputs = useQuery({
    queryKey: loggingKeys.list(scope, "Output"),
    queryFn: () => fetchOutputs(scope),
    refetchInterval: 30_000,
  });
  const [feedback, setFeedback] = useState<string | null>(null);
  const collect = useMutation({
    mutationFn: (enabled: boolean) => setCollectAll(names, enabled),
    onMutate: () => setFeedback(null),
    onSuccess: async (result) => {
      setFeedback(result.enabled ? t("logging.collectAll.on") : t("logging.collectAll.off"));
      await queryClient.invalidateQueries({ queryKey: loggingKeys.all(scope) });
    },
  });

  const operator = flows.data?.operator ?? outputs.data?.operator;
  if (flows.error) return <Alert variant="destructive">{flows.error.message}</Alert>;
  if (!flows.data) return <p aria-busy="true">{t("common.loading")}</p>;
  if (operator && !operator.installed)
    return (
      <Alert variant="destructive">
        <p className="font-medium">{t("logging.operator.missing")}</p>
        <p className="mt-1">{operator.message ?? t("logging.operator.missingHint")}</p>
      </Alert>
    );

  const collectAll = collect.isPending ? collect.variables : flows.data.collectAll;
  const outputNames = (outputs.data?.items ?? []).map((o) => o.name);

  return (
    <div className="space-y-6">
      <Card aria-labelledby="logging-collect-all">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <CardTitle id="logging-collect-all" className="mb-1">
              {t("logging.collectAll.title")}
            </CardTitle>
            <p className="text-sm text-muted-foreground">{t("logging.collectAll.hint")}</p>
          </div>
          <button
            type="button"
            role="switch"
            aria-checked={collectAll}
            aria-label={t("logging.collectAll.label")}
            disabled={!canWrite || collect.isPending}
            onClick={() => collect.mutate(!flows.data.collectAll)}
            className="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent bg-muted transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50 aria-checked:bg-primary"
          >
            <span
              aria-hidden
              className={`inline-block h-5 w-5 rounded-full bg-background shadow transition-transform ${collectAll ? "translate-x-5" : "translate-x-0"}`}
            />
          </button>
        </div>
        {feedback && <Alert className="mt-3">{feedback}</Alert>}
        {collect.error && (
          <Alert variant="destructive" className="mt-3">
            {collect.error.message}
          </Alert>
        )}
      </Card>

      <Card aria-labelledby="logging-flows">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="logging-flows" className="mb-0">
            {t("logging.flows")}
          </CardTitle>
          {canWrite && (
            <div className="flex flex-wrap gap-2">
              <FlowFormDialog names={names} applications={applications} outputs={outputNames} />
              <Button asChild size="sm" variant="outline">
                <Link href={yamlPage(names, "Flow")}>{t("logging.newFlowYaml")}</Link>
              </Button>
            </div>
          )}
        </div>
        {flows.data.items.length === 0 ? (
          <EmptyState title={t("logging.flowsEmpty")} hint={t("logging.flowsEmptyHint")} />
        ) : (
          <Table aria-label={t("logging.flows")}>
            <THead>
              <tr>
                <Th>{t("common.name")}</Th>
                <Th>{t("logging.col.applications")}</Th>
                <Th>{t("logging.col.outputs")}</Th>
                <Th>{t("logging.col.filters")}</Th>
                <Th>{t("logging.col.status")}</Th>
                <Th>{t("logging.col.lines")}</Th>
                <Th>{t("logging.col.lastChange")}</Th>
                <ActionsHeader />
              </tr>
            </THead>
            <TBody>
              {flows.data.items.map((f) => (
                <tr key={f.name}>
                  <Td className="font-medium">{f.name}</Td>
                  <Td>{f.applications.length ? f.applications.join(", ") : <em>{t("logging.wholeNamespace")}</em>}</Td>
                  <Td className="text-xs">
                    {[...f.localOutputRefs, ...f.globalOutputRefs.map((g) => `${g} (${t("logging.cluster")})`)].join(
                      ", ",
                    ) || "—"}
                  </Td>
                  <Td className="text-xs">{f.filters.join(" → ") || "—"}</Td>
                  <Td>
                    <LoggingStatus active={f.active} problems={f.problems} />
                  </Td>
                  <Td>
                    <div className="flex items-center gap-2">
                      <LinesSparkline
                        points={f.linesPerSecond}
                        label={t("logging.linesChart", { name: f.name, rate: current(f.linesPerSecond).toFixed(1) })}
                      />
                      <span className="text-xs tabular-nums">{current(f.linesPerSecond).toFixed(1)}/s</span>
                    </div>
                  </Td>
                  <Td>
                    <LastChangeCell change={f.lastChange} />
                  </Td>
                  <Td>
                    <div className="flex justify-end gap-2">
                      <RowActions names={names} kind="Flow" name={f.name} canWrite={canWrite} />
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card aria-labelledby="logging-outputs">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="logging-outputs" className="mb-0">
            {t("logging.outputs")}
          </CardTitle>
          {canWrite && (
            <div className="flex flex-wrap gap-2">
              <OutputFormDialog names={names} />
              <Button asChild size="sm" variant="outline">
                <Link href={yamlPage(names, "Output")}>{t("logging.newOutputYaml")}</Link>
              </Button>
            </div>
          )}
        </div>
        {outputs.error && <Alert variant="destructive">{outputs.error.message}</Alert>}
        {outputs.data && outputs.data.items.length === 0 && (
          <EmptyState title={t("logging.outputsEmpty")} hint={t("logging.outputsEmptyHint")} />
        )}
        {outputs.data && outputs.data.items.length > 0 && (
          <OutputsTable
            label={t("logging.outputs")}
            items={outputs.data.items}
            actions={(o) => <RowActions names={names} kind="Output" name={o.name} canWrite={canWrite} />}
          />
        )}
      </Card>
    </div>
  );
}
