"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { fetchWorkloads, workloadKeys, type Names } from "@/lib/workloads/queries";
import { age } from "./age";
import { PhaseChips } from "./phase-chips";
import { LogsDialog } from "./logs-dialog";
import { ShellDialog } from "./shell-dialog";
import { ScaleDialog } from "./scale-dialog";
import { YamlDialog } from "./yaml-dialog";

const phaseTone = (phase: string) =>
  phase === "Running" ? "ok" : phase === "Pending" ? "warn" : phase === "Failed" ? "bad" : "neutral";

/** What runs in the namespace, live (polled); a cluster that fails shows its error here only. */
export function WorkloadsSection({
  names,
  applications,
  canWrite,
  canUpdateApps,
}: {
  names: Names;
  applications: string[];
  canWrite: boolean;
  canUpdateApps: boolean;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // Pods a page at a time: the cursors of the pages before this one, for going back.
  const [phase, setPhase] = useState<string | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const workloads = useQuery({
    queryKey: [...workloadKeys.all(names), phase, cursor],
    queryFn: () => fetchWorkloads(names, { phase, cursor }),
    refetchInterval: 3000,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const choosePhase = (next: string | null) => {
    setPhase(next);
    setCursors([null]);
  };
  const restart = useOperation("restartApplication");
  const data = workloads.data;
  return (
    <Card aria-labelledby="environment-workloads">
      <CardTitle id="environment-workloads">{t("workloads.title")}</CardTitle>
      {workloads.error ? (
        <Alert variant="destructive">
          <p className="font-medium">{t("workloads.clusterFailed")}</p>
          <p>{(workloads.error as Error).message}</p>
        </Alert>
      ) : !data ? (
        <p className="text-sm text-muted-foreground" aria-busy="true">
          {t("common.loading")}
        </p>
      ) : (
        <div className="space-y-6">
          <ProblemAlert problem={restart.problem} />
          <section aria-label={t("workloads.deployments")}>
            <h3 className="mb-2 text-sm font-semibold">{t("workloads.deployments")}</h3>
            {data.deployments.length === 0 ? (
              <EmptyState title={t("workloads.noDeployments")} hint={t("workloads.noDeploymentsHint")} />
            ) : (
              <Table aria-label={t("workloads.deployments")}>
                <THead>
                  <tr>
                    <Th>{t("common.name")}</Th>
                    <Th>{t("workloads.ready")}</Th>
                    <Th>{t("applications.image")}</Th>
                    <Th>{t("workloads.age")}</Th>
                    <Th className="text-right">{t("common.actions")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {data.deployments.map((d) => (
                    <tr key={d.name}>
                      <Td className="font-medium">{d.name}</Td>
                      <Td>
                        {d.ready}/{d.replicas}
                      </Td>
                      <Td className="font-mono text-xs">{d.images.join(", ")}</Td>
                      <Td>{age(d.createdAt)}</Td>
                      <Td className="space-x-2 text-right">
                        {canUpdateApps && applications.includes(d.name) && (
                          <>
                            <ScaleDialog names={names} application={d.name} replicas={d.replicas} />
                            <Button
                              size="sm"
                              variant="outline"
                              aria-label={t("workloads.restartNamed", { name: d.name })}
                              disabled={restart.pending}
                              onClick={() =>
                                restart.run(
                                  { params: { ...names, application: d.name } },
                                  () => void queryClient.invalidateQueries({ queryKey: workloadKeys.all(names) }),
                                )
                              }
                            >
                              {t("workloads.restart")}
                            </Button>
                          </>
                        )}
                        <YamlDialog names={names} resource="deployments" name={d.name} canEdit={canWrite} />
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>
          <section aria-label={t("workloads.pods")}>
            <h3 className="mb-2 text-sm font-semibold">{t("workloads.pods")}</h3>
            <PhaseChips counts={data.podPhases} phase={phase} onChoose={choosePhase} />
            {data.pods.length === 0 ? (
              <EmptyState title={t("workloads.noPods")} />
            ) : (
              <Table aria-label={t("workloads.pods")}>
                <THead>
                  <tr>
                    <Th>{t("common.name")}</Th>
                    <Th>{t("workloads.phase")}</Th>
                    <Th>{t("workloads.ready")}</Th>
                    <Th>{t("workloads.restarts")}</Th>
                    <Th>{t("workloads.age")}</Th>
                    <Th className="text-right">{t("common.actions")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {data.pods.map((p) => (
                    <tr key={p.name}>
                      <Td className="font-mono text-xs">{p.name}</Td>
                      <Td>
                        <Badge tone={phaseTone(p.phase)}>{p.phase}</Badge>
                      </Td>
                      <Td>{p.ready}</Td>
                      <Td>{p.restarts}</Td>
                      <Td>{age(p.createdAt)}</Td>
                      <Td className="space-x-2 text-right">
                        <LogsDialog names={names} pod={p.name} containers={p.containers} />
                        {canWrite && p.phase === "Running" && (
                          <ShellDialog names={names} pod={p.name} containers={p.containers} />
                        )}
                        <YamlDialog names={names} resource="pods" name={p.name} canEdit={false} />
                        {canWrite && (
                          <ConfirmDelete
                            operation="deleteObject"
                            input={{ params: { ...names, resource: "pods", name: p.name } }}
                            name={p.name}
                            kind={t("workloads.pod")}
                            triggerLabel={t("workloads.deletePod", { name: p.name })}
                            onDeleted={() => void queryClient.invalidateQueries({ queryKey: workloadKeys.all(names) })}
                          />
                        )}
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
            {(cursors.length > 1 || data.podsNextCursor) && (
              <nav aria-label={t("workloads.podPages")} className="mt-2 flex justify-end gap-2">
                <Button
                  size="sm"
                  variant="outline"
                  disabled={cursors.length <= 1}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t("workloads.previousPods")}
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!data.podsNextCursor}
                  onClick={() => setCursors((c) => [...c, data.podsNextCursor])}
                >
                  {t("workloads.nextPods")}
                </Button>
              </nav>
            )}
          </section>
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-label={t("workloads.services")}>
              <h3 className="mb-2 text-sm font-semibold">{t("workloads.services")}</h3>
              {data.services.length === 0 ? (
                <EmptyState title={t("workloads.noServices")} />
              ) : (
                <Table aria-label={t("workloads.services")}>
                  <THead>
                    <tr>
                      <Th>{t("common.name")}</Th>
                      <Th>{t("workloads.clusterIP")}</Th>
                      <Th>{t("applications.ports")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {data.services.map((s) => (
                      <tr key={s.name}>
                        <Td className="font-medium">{s.name}</Td>
                        <Td className="font-mono text-xs">{s.clusterIP}</Td>
                        <Td className="font-mono text-xs">{s.ports.join(", ")}</Td>
                      </tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </section>
            <section aria-label={t("workloads.events")}>
              <h3 className="mb-2 text-sm font-semibold">{t("workloads.events")}</h3>
              <ul className="max-h-72 space-y-1 overflow-auto text-xs">
                {data.events.map((e, i) => (
                  <li key={i} className={e.type === "Warning" ? "text-destructive" : undefined}>
                    <span className="text-muted-foreground">{age(e.at)}</span>{" "}
                    <span className="font-medium">{e.reason}</span> {e.object}: {e.message}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
      )}
    </Card>
  );
}
