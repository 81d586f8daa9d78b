"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/console/paths";
import type { TenantUsage } from "@/lib/overview/schemas";
import { QuotaChart, quotaRows } from "./quota-chart";
import { Section } from "./section";

/** The fullest tenants (sysadmins): quota allocated per cluster, charted, with links to each tenant. */
export function TenantsUsageSection({ tenants }: { tenants: TenantUsage[] }) {
  const { t } = useI18n();
  const withQuota = tenants.filter((x) => x.quotas.length > 0);
  return (
    <Section id="overview-tenants" title={t("overview.tenants")} hint={t("overview.tenantsHint")}>
      {withQuota.length === 0 ? (
        <EmptyState title={t("overview.tenantsEmpty")} />
      ) : (
        <QuotaChart
          label={t("overview.tenantsChart")}
          quotas={withQuota.flatMap((x) => quotaRows(x.tenant, x.quotas))}
        />
      )}
      {tenants.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t("overview.tenants")}>
          {tenants.map((x) => (
            <li key={x.tenant}>
              <Link href={consolePath.tenant(x.tenant)} className="rounded border px-2 py-0.5 hover:bg-accent">
                {x.tenant}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
