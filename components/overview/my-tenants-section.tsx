"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/console/paths";
import type { MyOverview } from "@/lib/overview/schemas";
import { QuotaChart, quotaRows } from "./quota-chart";
import { Section } from "./section";

/** The caller's tenants; where it is the admin, the tenant's quota allocated against its limit. */
export function MyTenantsSection({ tenants }: { tenants: MyOverview["tenants"] }) {
  const { t } = useI18n();
  const quotas = tenants.flatMap((x) => (x.quotas ? quotaRows(x.tenant, x.quotas) : []));
  return (
    <Section id="overview-my-tenants" title={t("overview.myTenants")}>
      {tenants.length === 0 ? (
        <EmptyState title={t("overview.myTenantsEmpty")} hint={t("overview.myTenantsEmptyHint")} />
      ) : (
        <>
          <ul className="mb-3 divide-y divide-border text-sm" aria-label={t("overview.myTenants")}>
            {tenants.map((x) => (
              <li key={x.tenant} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link href={consolePath.tenant(x.tenant)} className="font-medium break-all hover:underline">
                  {x.tenant}
                </Link>
                {x.role && (
                  <span className="text-xs text-muted-foreground">
                    {t("overview.role", { role: t(x.role === "admin" ? "role.tenant.admin" : "role.tenant.member") })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {quotas.length > 0 && <QuotaChart label={t("overview.tenantsChart")} quotas={quotas} />}
        </>
      )}
    </Section>
  );
}
