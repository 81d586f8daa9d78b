"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/console/paths";
import type { ServiceHealth } from "@/lib/overview/schemas";
import { ChartTable } from "./chart-table";
import { SERIES_COLORS } from "./colors";
import { Section } from "./section";
import { ShareChart } from "./share-chart";

const ms = (v: number | null) => (v === null ? "—" : `${Math.round(v * 10) / 10} ms`);

/** Services of the last hour by error rate, charted, then listed with links to their APM page. */
export function ServicesSection({ title, services }: { title: string; services: ServiceHealth[] }) {
  const { t } = useI18n();
  const label = t("overview.servicesChart");
  const rate = (s: ServiceHealth) => Math.round(s.errorRate * 1000) / 10;
  return (
    <Section id="overview-services" title={title} hint={t("overview.window")}>
      {services.length === 0 ? (
        <EmptyState title={t("overview.servicesEmpty")} hint={t("overview.servicesEmptyHint")} />
      ) : (
        <>
          <ShareChart
            label={label}
            rows={services.map((s) => ({ name: s.service, errors: rate(s) }))}
            series={[{ key: "errors", name: t("overview.errorRate"), color: SERIES_COLORS.errors }]}
          />
          <ChartTable
            caption={label}
            headers={[t("overview.service"), t("overview.errorRate"), t("overview.calls"), t("overview.p90")]}
            rows={services.map((s) => [s.service, `${rate(s)}%`, String(s.calls), ms(s.p90Ms)])}
          />
          <ul className="mt-3 divide-y divide-border text-sm" aria-label={title}>
            {services.map((s) => (
              <li key={`${s.env.tenant}/${s.env.project}/${s.env.environment}/${s.service}`} className="py-2">
                <Link
                  href={`${consolePath.environmentView(s.env, "apm")}?service=${encodeURIComponent(s.service)}`}
                  className="font-medium break-all hover:underline"
                >
                  {s.service}
                </Link>
                <span className="ml-2 text-xs text-muted-foreground break-all">
                  {s.env.tenant} / {s.env.project} / {s.env.environment}
                </span>
                <p className="text-xs text-muted-foreground">
                  {rate(s)}% · {t("overview.serviceLine", { calls: s.calls, errors: s.errors, p90: ms(s.p90Ms) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
