"use client";

import { useRef } from "react";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { ImportClusterInput } from "@/lib/clusters/schemas";

/** Paste a kubeconfig or pick the file; Facet checks the cluster answers before saving it. */
export function ImportClusterDialog() {
  const { t } = useI18n();
  const text = useRef<HTMLTextAreaElement>(null);
  return (
    <FormDialog
      title={t("clusters.import")}
      trigger={t("clusters.import")}
      operation="importCluster"
      schema={ImportClusterInput}
      messages={{ name: t("validation.dnsLabel"), kubeconfig: t("clusters.kubeconfigRequired") }}
      toBody={(f) => ({
        name: f.get("name"),
        description: f.get("description"),
        kubeconfig: f.get("kubeconfig"),
        allowPrivateAddresses: f.get("allowPrivateAddresses") === "on",
      })}
      toInput={(body) => ({ body })}
      submitLabel={t("clusters.checkAndImport")}
    >
      {(errors) => (
        <>
          <TextField
            name="name"
            label={t("common.name")}
            error={errors.name}
            hint={t("validation.dnsLabel")}
            autoFocus
          />
          <TextField name="description" label={t("common.description")} error={errors.description} />
          <Field
            id="field-kubeconfig"
            label={t("clusters.kubeconfig")}
            error={errors.kubeconfig}
            hint={t("clusters.kubeconfigHint")}
          >
            <textarea
              ref={text}
              id="field-kubeconfig"
              name="kubeconfig"
              rows={10}
              spellCheck={false}
              aria-invalid={Boolean(errors.kubeconfig)}
              className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs"
            />
          </Field>
          <Field id="field-kubeconfig-file" label={t("clusters.kubeconfigFile")}>
            <input
              id="field-kubeconfig-file"
              type="file"
              accept=".yaml,.yml,.conf,.kubeconfig,text/yaml,text/plain"
              className="w-full rounded-md border border-input bg-background text-sm file:mr-3 file:border-0 file:border-r file:border-input file:bg-muted file:px-3 file:py-2 file:text-sm file:font-medium file:text-foreground hover:file:bg-accent"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file && text.current) text.current.value = await file.text();
              }}
            />
          </Field>
          <div className="flex items-start gap-2">
            <input
              id="field-allowPrivateAddresses"
              name="allowPrivateAddresses"
              type="checkbox"
              className="mt-1"
              aria-describedby="hint-allowPrivateAddresses"
            />
            <div>
              <Label htmlFor="field-allowPrivateAddresses">{t("clusters.allowPrivate")}</Label>
              <p id="hint-allowPrivateAddresses" className="text-xs text-muted-foreground">
                {t("clusters.allowPrivateHint")}
              </p>
            </div>
          </div>
        </>
      )}
    </FormDialog>
  );
}
