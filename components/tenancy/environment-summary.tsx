"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import type { EnvironmentDto } from "@/lib/tenancy/dto";
import { UpdateEnvironmentInput } from "@/lib/tenancy/schemas";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { QuotaFields, quotaFrom } from "./quota-fields";
import { IsolationCheckbox } from "./isolation-checkbox";

export function EnvironmentSummary({
  environment: e,
  canUpdate,
  names,
}: {
  environment: EnvironmentDto;
  canUpdate: boolean;
  names: Record<string, string>;
}) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t("environments.cluster"), e.cluster],
    [t("environments.namespace"), e.namespace],
    [t("quota.cpu"), e.quota.cpu],
    [t("quota.memory"), e.quota.memory],
    [t("quota.storage"), e.quota.storage],
    [t("quota.pods"), e.quota.pods],
    [t("environments.defaultRequest"), `${e.limits.defaultRequest.cpu} · ${e.limits.defaultRequest.memory}`],
    [t("environments.defaultLimit"), `${e.limits.default.cpu} · ${e.limits.default.memory}`],
    [t("environments.isolation"), e.networkIsolation ? t("environments.isolated") : t("environments.open")],
    [t("environments.deletePolicy"), t(`environments.policy.${e.deletePolicy}`)],
  ];
  return (
    <Card aria-labelledby="environment-summary">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="environment-summary" className="mb-0">
          {t("environments.settings")}
        </CardTitle>
        {canUpdate && (
          <div className="flex gap-2">
            <FormDialog
              title={t("environments.editSettings")}
              trigger={t("environments.editSettings")}
              triggerVariant="outline"
              operation="updateEnvironment"
              schema={UpdateEnvironmentInput}
              toBody={(f) => ({
                description: f.get("description"),
                networkIsolation: f.get("networkIsolation") === "on",
                deletePolicy: f.get("deletePolicy"),
              })}
              toInput={(body) => ({ params: names, body, expectedVersion: e.version })}
            >
              {(errors) => (
                <>
                  <TextField
                    name="description"
                    label={t("common.description")}
                    defaultValue={e.description}
                    error={errors.description}
                  />
                  <IsolationCheckbox defaultChecked={e.networkIsolation} />
                  <SelectField
                    name="deletePolicy"
                    label={t("environments.deletePolicy")}
                    defaultValue={e.deletePolicy}
                    options={[
                      { value: "delete-namespace", label: t("environments.policy.delete-namespace") },
                      { value: "remove-labels", label: t("environments.policy.remove-labels") },
                    ]}
                  />
                </>
              )}
            </FormDialog>
            <FormDialog
              title={t("environments.editQuota")}
              trigger={t("environments.editQuota")}
              triggerVariant="outline"
              operation="updateEnvironment"
              schema={UpdateEnvironmentInput}
              messages={{
                "quota.cpu": t("quota.cpuHint"),
                "quota.memory": t("quota.bytesHint"),
                "quota.storage": t("quota.bytesHint"),
                "quota.pods": t("quota.podsHint"),
              }}
              toBody={(f) => ({ quota: quotaFrom(f, "quota") })}
              toInput={(body) => ({ params: names, body, expectedVersion: e.version })}
            >
              {(errors) => <QuotaFields errors={errors} prefix="quota" values={e.quota} />}
            </FormDialog>
          </div>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
