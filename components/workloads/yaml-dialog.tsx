"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { fetchObject, workloadKeys, type Names } from "@/lib/workloads/queries";
import { YamlSubmitPanel } from "./yaml-submit-panel";

/** View (and, for writers, edit with a dry-run diff first) an object as YAML; a stale save offers to reload. */
export function YamlDialog({
  names,
  resource,
  name,
  canEdit,
}: {
  names: Names;
  resource: string;
  name: string;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // A new editor (and draft) for every version read.
  const [generation, setGeneration] = useState(0);
  const queryClient = useQueryClient();
  const key = workloadKeys.object(names, resource, name);
  const object = useQuery({
    queryKey: key,
    queryFn: () => fetchObject(names, resource, name),
    enabled: open,
    staleTime: Infinity,
  });
  const toast = useToast();
  const title = t("workloads.yamlOf", { name });
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    setGeneration((g) => g + 1);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) void reload();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={title}>
          YAML
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(64rem,95vw)]">
        {object.error && <Alert variant="destructive">{(object.error as Error).message}</Alert>}
        {object.data && !object.isFetching && (
          <YamlSubmitPanel
            key={`${generation}-${object.data.resourceVersion}`}
            operation="putObject"
            params={{ ...names, resource, name }}
            label={title}
            path={`${resource}-${name}.yaml`}
            initial={object.data.yaml}
            readOnly={!canEdit}
            applyLabel={t("common.save")}
            onReload={reload}
            onApplied={async () => {
              toast({ title: t("toast.yamlSaved", { name }) });
              await reload();
              await queryClient.invalidateQueries({ queryKey: workloadKeys.all(names) });
              await queryClient.invalidateQueries({ queryKey: workloadKeys.kinds(names) });
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
