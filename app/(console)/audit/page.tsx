import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ProblemPanel } from "@/components/console/problem-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Audit log" };

type Search = { tenant?: string; actor?: string; action?: string; from?: string; to?: string; cursor?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await consoleContext();
  const search = await searchParams;
  const sysadmin = ctx.actor.systemRole === "sysadmin";
  const { t } = await getTranslate();
  const tenants = await loadOperation(ctx, "listTenants", { query: { limit: "200" } });
  const adminOf = tenants.ok
    ? tenants.data.items.filter((x) => sysadmin || x.myRole === "admin").map((x) => x.name)
    : [];
  const tenant = search.tenant || (sysadmin ? undefined : adminOf[0]);
  const query = Object.fromEntries(Object.entries({ ...search, tenant, limit: "50" }).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  const result = sysadmin || tenant ? await loadOperation(ctx, "listAudit", { query }) : null;
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <AuditFilters values={{ ...search, tenant }} tenants={adminOf} allowAll={sysadmin} />
      <div className="mt-4">
        {!result ? (
          <EmptyState title={t("audit.noTenant")} hint={t("audit.noTenantHint")} />
        ) : !result.ok ? (
          <ProblemPanel problem={result.error} />
        ) : (
          <AuditTable items={result.data.items} nextCursor={result.data.nextCursor} query={query} />
        )}
      </div>
    </>
  );
}
