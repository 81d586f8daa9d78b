"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fetchFlows, fetchOutputs, loggingKeys, type LoggingScope } from "@/components/logging/api";
import { ActionsHeader } from "@/components/logging/actions-header";
import { DeleteLoggingObject } from "@/components/logging/delete-logging-object";
import { OutputsTable } from "@/components/logging/outputs-table";
import { LastChangeCell, LoggingStatus } from "@/components/logging/status-badge";
import { YamlEditorPanel } from "@/components/logging/yaml-editor-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type ClusterKind = "ClusterFlow" | "ClusterOutput";

/** Raw YAML of a cluster logging object (or a new one) in a wide dialog. */
function ClusterYamlDialog({
  scope,
  kind,
  name,
  namespace,
}: {
  scope: LoggingScope;
  kind: ClusterKind;
  name?: string;
  namespace: string | null;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const title = name ? t("logging.yaml.editTitle", { kind, name }) : t("logging.yaml.newTitle", { kind });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={name ? t("logging.yamlOf", { kind, name }) : undefined}>
          {name ? "YAML" : t(kind === "ClusterFlow" ? "logging.newClusterFlow" : "logging.newClusterOutput")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(72rem,96vw)]">
        {open && <YamlEditorPanel scope={scope} kind={kind} name={name} namespace={namespace ?? undefined} canWrite />}
      </DialogContent>
    </Dialog>
  );
}

/** One kind's heading, its "new" button and its list. */
function ClusterSection({
  title,
  kind,
  scope,
  namespace,
  children,
}: {
  title: string;
  kind: ClusterKind;
  scope: LoggingScope;
  namespace: string | null;
  children: ReactNode;
}) {
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <ClusterYamlDialog scope={scope} kind={kind} namespace={namespace} />
      </div>
      {children}
    </div>
  );
}

/** A row's YAML dialog and delete. */
function ClusterRowActions({
  scope,
  kind,
  name,
  namespace,
}: {
  scope: LoggingScope;
  kind: ClusterKind;
  name: string;
  namespace: string | null;
}) {
  return (
    <>
      <ClusterYamlDialog scope={scope} kind={kind} name={name} namespace={namespace} />
      <DeleteLoggingObject scope={scope} kind={kind} name={name} />
    </>
  );
}

/** ClusterFlows and ClusterOutputs of a cluster, in the logging control namespace (sysadmins). */
export function ClusterLoggingCard({ cluster }: { cluster: string }) {
  const { t } = useI18n();
  const scope: LoggingScope = { level: "cluster", cluster };
  const flows = useQuery({
    queryKey: loggingKeys.list(scope, "ClusterFlow"),
    queryFn: () => fetchFlows(scope, "ClusterFlow"),
    refetchInterval: 30_000,
  });
  const outputs = useQuery({
    queryKey: loggingKeys.list(scope, "ClusterOutput"),
    queryFn: () => fetchOutputs(scope, "ClusterOutput"),
    refetchInterval: 30_000,
  });
  const operator = flows.data?.operator ?? outputs.data?.operator;
  const namespace = operator?.controlNamespace ?? null;

  return (
    <Card aria-labelledby="cluster-logging" className="mt-6">
      <CardTitle id="cluster-logging">{t("logging.clusterTitle")}</CardTitle>
      <p className="mb-3 text-sm text-muted-foreground">
        {namespace ? t("logging.clusterHint", { namespace }) : t("logging.description")}
      </p>
      {(flows.error || outputs.error) && <Alert variant="destructive">{(flows.error ?? outputs.error)!.message}</Alert>}
      {!flows.data && !flows.error && <p aria-busy="true">{t("common.loading")}</p>}
      {operator && !operator.installed && (
        <Alert variant="destructive">
          <p className="font-medium">{t("logging.operator.missing")}</p>
          <p className="mt-1">{operator.message ?? t("logging.operator.missingHint")}</p>
        </Alert>
      )}
      {operator?.installed && (
        <div className="space-y-6">
          <ClusterSection title={t("logging.clusterFlows")} kind="ClusterFlow" scope={scope} namespace={namespace}>
            {flows.data && flows.data.items.length === 0 ? (
              <EmptyState title={t("logging.clusterFlowsEmpty")} />
            ) : (
              <Table aria-label={t("logging.clusterFlows")}>
                <THead>
                  <tr>
                    <Th>{t("common.name")}</Th>
                    <Th>{t("logging.col.outputs")}</Th>
                    <Th>{t("logging.col.filters")}</Th>
                    <Th>{t("logging.col.status")}</Th>
                    <Th>{t("logging.col.lastChange")}</Th>
                    <ActionsHeader />
                  </tr>
                </THead>
                <TBody>
                  {flows.data?.items.map((f) => (
                    <tr key={f.name}>
                      <Td className="font-medium">{f.name}</Td>
                      <Td className="text-xs">{f.globalOutputRefs.join(", ") || "—"}</Td>
                      <Td className="text-xs">{f.filters.join(" → ") || "—"}</Td>
                      <Td>
                        <LoggingStatus active={f.active} problems={f.problems} />
                      </Td>
                      <Td>
                        <LastChangeCell change={f.lastChange} />
                      </Td>
                      <Td>
                        <div className="flex justify-end gap-2">
                          <ClusterRowActions scope={scope} kind="ClusterFlow" name={f.name} namespace={namespace} />
                        </div>
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </ClusterSection>
          <ClusterSection title={t("logging.clusterOutputs")} kind="ClusterOutput" scope={scope} namespace={namespace}>
            {outputs.data && outputs.data.items.length === 0 ? (
              <EmptyState title={t("logging.clusterOutputsEmpty")} />
            ) : (
              <OutputsTable
                label={t("logging.clusterOutputs")}
                items={outputs.data?.items ?? []}
                actions={(o) => (
                  <ClusterRowActions scope={scope} kind="ClusterOutput" name={o.name} namespace={namespace} />
                )}
              />
            )}
          </ClusterSection>
        </div>
      )}
    </Card>
  );
}
