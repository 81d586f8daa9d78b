"use client";

import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FieldErrors } from "@/components/console/form-dialog";

/** cpu / memory / storage / pods inputs, named `${prefix}cpu` etc. */
export function QuotaFields({
  errors,
  prefix = "",
  values,
}: {
  errors: FieldErrors;
  prefix?: string;
  values?: { cpu: string; memory: string; storage: string; pods: string };
}) {
  const { t } = useI18n();
  const p = prefix ? `${prefix}.` : "";
  return (
    <fieldset className="grid grid-cols-2 gap-3">
      <legend className="mb-2 text-sm font-medium">{t("quota.title")}</legend>
      <TextField
        name={`${p}cpu`}
        label={t("quota.cpu")}
        error={errors[`${p}cpu`]}
        defaultValue={values?.cpu}
        placeholder={t("common.example", { value: "2" })}
        hint={t("quota.cpuHint")}
      />
      <TextField
        name={`${p}memory`}
        label={t("quota.memory")}
        error={errors[`${p}memory`]}
        defaultValue={values?.memory}
        placeholder={t("common.example", { value: "4Gi" })}
        hint={t("quota.bytesHint")}
      />
      <TextField
        name={`${p}storage`}
        label={t("quota.storage")}
        error={errors[`${p}storage`]}
        defaultValue={values?.storage}
        placeholder={t("common.example", { value: "20Gi" })}
        hint={t("quota.bytesHint")}
      />
      <TextField
        name={`${p}pods`}
        label={t("quota.pods")}
        error={errors[`${p}pods`]}
        defaultValue={values?.pods}
        placeholder={t("common.example", { value: "20" })}
      />
    </fieldset>
  );
}

export const quotaFrom = (f: FormData, prefix = "") => {
  const p = prefix ? `${prefix}.` : "";
  return { cpu: f.get(`${p}cpu`), memory: f.get(`${p}memory`), storage: f.get(`${p}storage`), pods: f.get(`${p}pods`) };
};
