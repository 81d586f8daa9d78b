"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { consolePath } from "@/lib/console/paths";
import type { AuditEvent } from "@/lib/overview/schemas";

/** The latest audit rows the caller may see; sysadmins get a link to the whole log. */
export function AuditSection({ title, events, linkAll }: { title: string; events: AuditEvent[]; linkAll?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="overview-audit" className="min-w-0 rounded-lg border bg-card p-5 shadow-xs">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="overview-audit" className="text-base font-semibold">
          {title}
        </h2>
        {linkAll && (
          <Link href="/audit" className="text-sm text-primary hover:underline">
            {t("overview.auditAll")}
          </Link>
        )}
      </div>
      {events.length === 0 ? (
        <EmptyState title={t("overview.auditEmpty")} />
      ) : (
        <ol className="divide-y divide-border text-sm" aria-label={title}>
          {events.map((e) => (
            <li key={e.id} className="py-2">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <code className="text-xs break-all">{e.action}</code>
                {e.result !== "success" && <Badge tone="bad">{e.result}</Badge>}
                {e.tenant && (
                  <Link href={consolePath.tenant(e.tenant)} className="text-xs text-primary hover:underline">
                    {e.tenant}
                  </Link>
                )}
              </div>
              <p className="text-xs text-muted-foreground break-all">
                {e.actor} · {e.target} · <time dateTime={e.at}>{new Date(e.at).toLocaleString(locale)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
