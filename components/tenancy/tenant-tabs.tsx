"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { consolePath } from "@/lib/console/paths";
import { cn } from "@/lib/ui/cn";

/** Navigation between a tenant's pages: its projects and members, its alerts, its alert channels. */
export function TenantTabs({ tenant }: { tenant: string }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const tabs = [
    { href: consolePath.tenant(tenant), label: t("alerts.tenantTabs.overview"), exact: true },
    { href: consolePath.tenantAlerts(tenant), label: t("alerts.title"), exact: false },
    { href: consolePath.tenantAlertChannels(tenant), label: t("channels.title"), exact: false },
  ];
  return (
    <nav aria-label={t("alerts.tenantTabs.label")} className="mb-4 flex gap-1 overflow-x-auto border-b">
      {tabs.map((tab) => {
        const active = tab.exact ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm",
              active ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
