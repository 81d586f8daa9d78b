"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorUnder, problemFieldErrors } from "@/components/console/problem-field-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { EnvironmentNames } from "@/lib/console/paths";
import { deploymentKeys, updateDeployment, type DeploymentDto, type DeploymentUpdate } from "./api";
import { DeploymentProblem } from "./problem-details";

/** Switches a deployment's version (earlier ones offered from its history) and scales it. */
export function EditDeploymentDialog({
  names,
  deployment,
  onSaved,
}: {
  names: EnvironmentNames;
  deployment: DeploymentDto;
  onSaved?: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const initial = () => ({
    version: deployment.version,
    replicas: String(deployment.replicas),
    cpu: deployment.resources.cpu,
    memory: deployment.resources.memory,
  });
  const [d, setD] = useState(initial);
  const save = useMutation({
    mutationFn: (body: DeploymentUpdate) => updateDeployment(names, deployment.name, body),
    onSuccess: async () => {
      setOpen(false);
      onSaved?.(t("models.deploy.saved", { name: deployment.name }));
      await queryClient.invalidateQueries({ queryKey: deploymentKeys.all(names) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const err = (path: string) => errorUnder(errors, path);
  const previous = [...new Set(deployment.history.map((h) => h.version))].filter((v) => v !== deployment.version);
  const id = `edit-${deployment.name}`;
  const title = t("models.deploy.editTitle", { name: deployment.name });
  const field = (key: string, path: string) => ({
    id: `${id}-${key}`,
    "aria-invalid": Boolean(err(path)),
    "aria-describedby": err(path) ? `${id}-${key}-error` : undefined,
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setD(initial());
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={title}>
          {t("models.deploy.edit")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(32rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              version: d.version.trim(),
              replicas: Number(d.replicas),
              resources: { cpu: d.cpu.trim(), memory: d.memory.trim() },
            });
          }}
        >
          {save.error && Object.keys(errors).length === 0 && <DeploymentProblem error={save.error} />}
          <Field
            id={`${id}-version`}
            label={t("models.deploy.version")}
            error={err("version")}
            hint={previous.length ? t("models.deploy.previousVersions", { versions: previous.join(", ") }) : undefined}
          >
            <Input
              {...field("version", "version")}
              list={`${id}-versions`}
              value={d.version}
              onChange={(e) => setD({ ...d, version: e.target.value })}
            />
          </Field>
          <datalist id={`${id}-versions`}>
            {previous.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={`${id}-replicas`} label={t("models.deploy.replicas")} error={err("replicas")}>
              <Input
                {...field("replicas", "replicas")}
                type="number"
                min={1}
                max={8}
                value={d.replicas}
                onChange={(e) => setD({ ...d, replicas: e.target.value })}
              />
            </Field>
            <Field id={`${id}-cpu`} label={t("models.deploy.cpu")} error={err("resources.cpu")}>
              <Input
                {...field("cpu", "resources.cpu")}
                value={d.cpu}
                onChange={(e) => setD({ ...d, cpu: e.target.value })}
              />
            </Field>
            <Field id={`${id}-memory`} label={t("models.deploy.memory")} error={err("resources.memory")}>
              <Input
                {...field("memory", "resources.memory")}
                value={d.memory}
                onChange={(e) => setD({ ...d, memory: e.target.value })}
              />
            </Field>
          </div>
          <DialogFooter>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("models.deploy.saving") : t("models.deploy.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
