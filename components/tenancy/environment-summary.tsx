"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import type { EnvironmentDto } from "@/lib/tenancy/dto";
import { UpdateEnvironmentInput } from "@/lib/tenancy/schemas";
import { QuotaFields, quotaFrom } from "./quota-fields";

export function EnvironmentSummary({ environment: e, canUpdate, names }: { environment: EnvironmentDto; canUpdate: boolean; names: Record<string, string> }) {
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
  ];
  return (
    <Card aria-labelledby="environment-summary">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="environment-summary" className="mb-0">
          {t("environments.settings")}
        </CardTitle>
        {canUpdate && (
          <FormDialog
            title={t("environments.editQuota")}
            trigger={t("environments.editQuota")}
            triggerVariant="outline"
            operation="updateEnvironment"
            schema={UpdateEnvironmentInput}
            messages={{ "quota.cpu": t("quota.cpuHint"), "quota.memory": t("quota.bytesHint"), "quota.storage": t("quota.bytesHint"), "quota.pods": t("quota.podsHint") }}
            toBody={(f) => ({ quota: quotaFrom(f, "quota") })}
            toInput={(body) => ({ params: names, body, expectedVersion: e.version })}
          >
            {(errors) => <QuotaFields errors={errors} prefix="quota" values={e.quota} />}
          </FormDialog>
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
