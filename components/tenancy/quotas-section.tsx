"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TenantQuotaDto } from "@/lib/tenancy/quotas";
import { QuotaInput } from "@/lib/tenancy/schemas";
import { z } from "zod";
import { QuotaFields, quotaFrom } from "./quota-fields";
import { QuotaUsage } from "./quota-usage";

/** The tenant's hard limits per cluster, with what its environments hold. */
export function QuotasSection({
  tenant,
  quotas,
  clusters,
  canManage,
}: {
  tenant: string;
  quotas: TenantQuotaDto[];
  clusters: string[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const messages = {
    cpu: t("quota.cpuHint"),
    memory: t("quota.bytesHint"),
    storage: t("quota.bytesHint"),
    pods: t("quota.podsHint"),
  };
  return (
    <Card aria-labelledby="tenant-quotas">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="tenant-quotas" className="mb-0">
          {t("quota.tenantTitle")}
        </CardTitle>
        {canManage && (
          <FormDialog
            title={t("quota.set")}
            trigger={t("quota.set")}
            triggerVariant="outline"
            operation="putTenantQuota"
            schema={QuotaInput.extend({ cluster: z.string().min(1) })}
            messages={messages}
            toBody={(f) => ({ cluster: f.get("cluster"), ...quotaFrom(f) })}
            toInput={({ cluster, ...quota }) => ({ params: { tenant, cluster }, body: quota })}
          >
            {(errors) => (
              <>
                <SelectField
                  name="cluster"
                  label={t("quota.cluster")}
                  options={clusters.map((c) => ({ value: c, label: c }))}
                  error={errors.cluster}
                />
                <QuotaFields errors={errors} />
              </>
            )}
          </FormDialog>
        )}
      </div>
      {quotas.length === 0 ? (
        <EmptyState title={t("quota.none")} hint={canManage ? t("quota.noneHint") : undefined} />
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {quotas.map((q) => (
            <div key={q.cluster}>
              <h3 className="mb-2 text-sm font-semibold">{t("quota.onCluster", { cluster: q.cluster })}</h3>
              <QuotaUsage used={q.allocated} hard={q.hard} label={t("quota.onCluster", { cluster: q.cluster })} />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
