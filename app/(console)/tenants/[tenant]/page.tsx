import type { Metadata } from "next";
import { ProjectsSection } from "@/components/tenancy/projects-section";
import { MembersSection } from "@/components/tenancy/members-section";
import { QuotasSection } from "@/components/tenancy/quotas-section";
import { TenantActions } from "@/components/tenancy/tenant-actions";
import { TenantTabs } from "@/components/tenancy/tenant-tabs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { listClusterNames } from "@/lib/clusters/list-cluster-names";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { TENANT_ROLES } from "@/lib/rbac";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  return { title: (await params).tenant };
}

export default async function TenantPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "tenant", { tenant });
  const can = allowed(ctx, scope, [
    "tenants.update",
    "tenants.delete",
    "tenants.members.read",
    "tenants.members.update",
    "tenants.quotas.read",
    "tenants.quotas.update",
    "projects.create",
  ] as const);
  const p = { params: { tenant } };
  const [{ t }, detail, projects, members, quotas, clusters] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getTenant", p),
    loadOperation(ctx, "listProjects", { ...p, query: { limit: "200" } }),
    can["tenants.members.read"] ? loadOperation(ctx, "listTenantMembers", { ...p, query: { limit: "200" } }) : null,
    can["tenants.quotas.read"] ? loadOperation(ctx, "listTenantQuotas", p) : null,
    can["tenants.quotas.update"] ? listClusterNames() : [],
  ]);
  const info = detail.ok ? detail.data : null;
  return (
    <>
      <Breadcrumbs items={scopeCrumbs(t("tenants.title"), { tenant })} label={t("common.breadcrumbs")} />
      <PageHeader
        title={tenant}
        description={info?.description || t("tenants.noDescription")}
        actions={
          <TenantActions
            tenant={tenant}
            description={info?.description ?? ""}
            networkIsolation={info?.networkIsolation ?? true}
            canUpdate={can["tenants.update"]}
            canDelete={can["tenants.delete"]}
            projectCount={projects.ok ? projects.data.items.length : 0}
          />
        }
      />
      <TenantTabs tenant={tenant} />
      <div className="space-y-6">
        <ProjectsSection
          tenant={tenant}
          projects={projects.ok ? projects.data.items : []}
          canCreate={can["projects.create"]}
        />
        {quotas?.ok && (
          <QuotasSection
            tenant={tenant}
            quotas={quotas.data.items}
            clusters={clusters}
            canManage={can["tenants.quotas.update"]}
          />
        )}
        {members?.ok && (
          <MembersSection
            level="tenant"
            params={{ tenant }}
            members={members.data.items}
            roles={TENANT_ROLES}
            canManage={can["tenants.members.update"]}
          />
        )}
      </div>
    </>
  );
}
