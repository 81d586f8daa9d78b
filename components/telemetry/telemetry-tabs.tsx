"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/ui/cn";

const TABS = [
  { slug: "apm", label: "telemetry.apm" },
  { slug: "traces", label: "telemetry.traces" },
  { slug: "logs", label: "telemetry.logs" },
  { slug: "metrics", label: "telemetry.metrics" },
  { slug: "logging", label: "logging.title" },
  { slug: "probes", label: "probes.title" },
  { slug: "alerts", label: "alerts.title" },
  { slug: "alert-channels", label: "channels.title" },
  { slug: "models", label: "models.deploy.tab" },
] as const;

export type TelemetryView = (typeof TABS)[number]["slug"];

/** Navigation between the views of one telemetry source (an environment has all four;
 *  Facet's own telemetry has no metrics). */
export function TelemetryTabs({ base, views }: { base: string; views: readonly TelemetryView[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("telemetry.views")} className="mb-4 flex gap-1 overflow-x-auto border-b">
      {TABS.filter((tab) => views.includes(tab.slug)).map((tab) => {
        const href = `${base}/${tab.slug}`;
        const active = pathname.startsWith(href);
        return (
          <Link
            key={tab.slug}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm",
              active ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}
