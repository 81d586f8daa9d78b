"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/console/confirm-delete-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EnvironmentNames } from "@/lib/console/paths";
import { anySettling, deleteDeployment, deploymentKeys, fetchDeployments, type DeploymentDto } from "./api";
import { DeployDialog } from "./deploy-dialog";
import { EditDeploymentDialog } from "./edit-deployment-dialog";

// The preview (image reading, overlays) only loads when someone opens it.
const PreviewPanel = dynamic(() => import("@/components/models/preview/preview-panel").then((m) => m.PreviewPanel), {
  ssr: false,
});

const PHASE_TONE = { Pending: "warn", Running: "ok", Failed: "bad" } as const;

function DeploymentStatus({ d }: { d: DeploymentDto }) {
  const { t } = useI18n();
  const { phase, reason, progress, readyReplicas } = d.status;
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="min-w-40 space-y-1">
      <Badge tone={PHASE_TONE[phase]}>{t(`models.deploy.phase.${phase}`)}</Badge>
      {phase === "Pending" && (
        <div>
          <div
            role="progressbar"
            aria-label={t("models.deploy.progress", { name: d.name })}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={`${progress.step} (${progress.done}/${progress.total})`}
            className="h-1.5 w-full overflow-hidden rounded bg-muted"
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
          </div>
          <p className="text-xs text-muted-foreground">
            {progress.step} · {progress.done}/{progress.total}
          </p>
        </div>
      )}
      {phase === "Failed" && reason && <p className="text-xs text-destructive">{reason}</p>}
      <p className="text-xs text-muted-foreground">
        {t("models.deploy.ready", { ready: readyReplicas, replicas: d.replicas })}
      </p>
    </div>
  );
}

function VersionHistory({ d }: { d: DeploymentDto }) {
  const { t, locale } = useI18n();
  if (d.history.length === 0) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-muted-foreground">
        {t("models.deploy.history", { count: d.history.length })}
      </summary>
      <ol className="mt-1 space-y-0.5">
        {[...d.history].reverse().map((h, i) => (
          <li key={`${h.version}-${h.at}-${i}`}>
            <span className="font-mono">{h.version}</span> · {new Date(h.at).toLocaleString(locale)} · {h.by}
          </li>
        ))}
      </ol>
    </details>
  );
}

function DeleteDeployment({
  names,
  name,
  onDeleted,
}: {
  names: EnvironmentNames;
  name: string;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteDeployment(names, name),
    onSuccess: async () => {
      setOpen(false);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: deploymentKeys.all(names) });
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
      kind={t("models.deploy.kindName")}
      consequences={t("models.deploy.deleteConsequence")}
      pending={remove.isPending}
      error={remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
      onConfirm={() => remove.mutate()}
      inputId={`confirm-model-deployment-${name}`}
    />
  );
}

/** An environment's Models tab: its model deployments, deploy, switch version, delete, preview. */
export function DeploymentsTab({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  const { t } = useI18n();
  const deployments = useQuery({
    queryKey: deploymentKeys.list(names),
    queryFn: () => fetchDeployments(names),
    // Pending deployments move by themselves: poll fast while one settles, slowly otherwise.
    refetchInterval: (query) => (anySettling(query.state.data?.items) ? 1_500 : 15_000),
  });
  const [feedback, setFeedback] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const items = deployments.data?.items ?? [];
  const preview = items.find((d) => d.name === previewing) ?? null;

  return (
    <div className="space-y-6">
      <Card aria-labelledby="model-deployments-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="model-deployments-title" className="mb-0">
            {t("models.deploy.title.list")}
          </CardTitle>
          {canWrite && (
            <DeployDialog names={names} onDeployed={(name) => setFeedback(t("models.deploy.created", { name }))} />
          )}
        </div>
        {feedback && (
          <Alert className="mb-3" role="status">
            {feedback}
          </Alert>
        )}
        {deployments.error && <Alert variant="destructive">{deployments.error.message}</Alert>}
        {!deployments.data && !deployments.error && <p aria-busy="true">{t("common.loading")}</p>}
        {deployments.data && items.length === 0 && (
          <EmptyState title={t("models.deploy.empty")} hint={canWrite ? t("models.deploy.emptyHint") : undefined} />
        )}
        {items.length > 0 && (
          <Table aria-label={t("models.deploy.title.list")}>
            <THead>
              <tr>
                <Th>{t("common.name")}</Th>
                <Th>{t("models.deploy.model")}</Th>
                <Th>{t("models.deploy.status")}</Th>
                <Th>{t("models.deploy.runtime")}</Th>
                <Th>{t("models.deploy.resources")}</Th>
                <Th className="text-right">{t("common.actions")}</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((d) => (
                <tr key={d.name} data-deployment={d.name}>
                  <Td className="font-medium">{d.name}</Td>
                  <Td>
                    <span className="break-all font-mono text-xs">
                      {d.source}/{d.model}:{d.version}
                    </span>
                    <span className="block text-xs text-muted-foreground">{d.task}</span>
                    <VersionHistory d={d} />
                  </Td>
                  <Td>
                    <DeploymentStatus d={d} />
                  </Td>
                  <Td className="text-xs">{t(`models.deploy.runtime.${d.runtime}`)}</Td>
                  <Td className="whitespace-nowrap text-xs tabular-nums">
                    {d.replicas} × {d.resources.cpu} / {d.resources.memory}
                  </Td>
                  <Td>
                    <div className="flex justify-end gap-2">
                      <Button
                        size="sm"
                        variant={previewing === d.name ? "default" : "outline"}
                        aria-pressed={previewing === d.name}
                        aria-label={t("models.preview.open", { name: d.name })}
                        disabled={d.status.phase !== "Running"}
                        onClick={() => setPreviewing(previewing === d.name ? null : d.name)}
                      >
                        {t("models.preview.title")}
                      </Button>
                      {canWrite && (
                        <>
                          <EditDeploymentDialog names={names} deployment={d} onSaved={setFeedback} />
                          <DeleteDeployment
                            names={names}
                            name={d.name}
                            onDeleted={() => {
                              if (previewing === d.name) setPreviewing(null);
                              setFeedback(t("models.deploy.deleted", { name: d.name }));
                            }}
                          />
                        </>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      {preview && <PreviewPanel key={preview.name} deployment={preview} />}
    </div>
  );
}
