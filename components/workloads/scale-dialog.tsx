"use client";

import { z } from "zod";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Names } from "@/lib/workloads/queries";

export function ScaleDialog({ names, application, replicas }: { names: Names; application: string; replicas: number }) {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("workloads.scaleNamed", { name: application })}
      trigger={t("workloads.scale")}
      triggerLabel={t("workloads.scaleNamed", { name: application })}
      triggerVariant="outline"
      operation="scaleApplication"
      schema={z.object({ replicas: z.number().int().min(0).max(100) })}
      messages={{ replicas: t("workloads.replicasHint") }}
      toBody={(f) => ({ replicas: Number(f.get("replicas")) })}
      toInput={(body) => ({ params: { ...names, application }, body })}
      successToast={(body) => t("toast.scaled", { name: application, replicas: body.replicas })}
    >
      {(errors) => (
        <TextField
          name="replicas"
          type="number"
          min={0}
          max={100}
          label={t("applications.replicas")}
          defaultValue={replicas}
          error={errors.replicas}
          hint={t("workloads.replicasHint")}
        />
      )}
    </FormDialog>
  );
}
