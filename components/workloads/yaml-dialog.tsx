"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { CodeEditor } from "@/components/editor/code-editor";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { fetchObject, workloadKeys, type Names } from "@/lib/workloads/queries";

/** View (and, for writers, edit) an object as YAML; a stale save offers to reload. */
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
  const [draft, setDraft] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const key = workloadKeys.object(names, resource, name);
  const object = useQuery({
    queryKey: key,
    queryFn: () => fetchObject(names, resource, name),
    enabled: open,
    staleTime: Infinity,
  });
  const save = useOperation("putObject");
  const toast = useToast();
  const title = t("workloads.yamlOf", { name });
  const reload = async () => {
    save.reset();
    setDraft(null);
    await queryClient.invalidateQueries({ queryKey: key });
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
        {save.problem?.status === 409 ? (
          <Alert variant="destructive">
            <p>{t("workloads.staleEdit")}</p>
            <Button size="sm" variant="outline" className="mt-2" onClick={reload}>
              {t("workloads.reload")}
            </Button>
          </Alert>
        ) : (
          <ProblemAlert problem={save.problem} />
        )}
        {object.data && (
          <CodeEditor
            label={title}
            language="yaml"
            path={`${resource}-${name}.yaml`}
            value={draft ?? object.data.yaml}
            readOnly={!canEdit}
            onChange={(v) => setDraft(v)}
          />
        )}
        {canEdit && (
          <DialogFooter>
            <Button
              disabled={!object.data || draft === null || save.pending}
              onClick={async () => {
                const ok = await save.run({ params: { ...names, resource, name }, body: { yaml: draft } });
                if (ok) {
                  toast({ title: t("toast.yamlSaved", { name }) });
                  setDraft(null);
                  await queryClient.invalidateQueries({ queryKey: key });
                  await queryClient.invalidateQueries({ queryKey: workloadKeys.all(names) });
                }
              }}
            >
              {save.pending ? t("common.working") : t("common.save")}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
