import type { Metadata } from "next";
import { ProblemPanel } from "@/components/console/problem-panel";
import { EnvironmentsSection } from "@/components/tenancy/environments-section";
import { MembersSection } from "@/components/tenancy/members-section";
import { ProjectActions } from "@/components/tenancy/project-actions";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { PROJECT_ROLES } from "@/lib/rbac";
import { tenantClusterNames } from "@/lib/tenancy/quotas/tenant-clusters";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";

type Params = { tenant: string; project: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).project };
}

export default async function ProjectPage({ params }: { params: Promise<Params> }) {
  const { tenant, project } = await params;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "project", { tenant, project });
  const can = allowed(ctx, scope, [
    "projects.read",
    "projects.update",
    "projects.delete",
    "projects.members.update",
    "environments.create",
  ] as const);
  const p = { params: { tenant, project } };
  const [{ t }, detail, environments, members, clusters] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getProject", p),
    loadOperation(ctx, "listEnvironments", { ...p, query: { limit: "200" } }),
    can["projects.read"] ? loadOperation(ctx, "listProjectMembers", { ...p, query: { limit: "200" } }) : null,
    can["environments.create"] ? tenantClusterNames(scope.tenant.id) : [],
  ]);
  const crumbs = scopeCrumbs(t("tenants.title"), { tenant, project });
  const envs = environments.ok ? environments.data.items : [];
  return (
    <>
      <Breadcrumbs items={crumbs} label={t("common.breadcrumbs")} />
      <PageHeader
        title={project}
        description={detail.ok ? detail.data.description || t("projects.noDescription") : undefined}
        actions={
          detail.ok && (
            <ProjectActions
              tenant={tenant}
              project={project}
              description={detail.data.description}
              networkIsolation={detail.data.networkIsolation}
              canUpdate={can["projects.update"]}
              canDelete={can["projects.delete"]}
              environments={envs.map((e) => e.name)}
            />
          )
        }
      />
      <div className="space-y-6">
        {!detail.ok && <ProblemPanel problem={detail.error} />}
        <EnvironmentsSection
          tenant={tenant}
          project={project}
          environments={envs}
          clusters={clusters}
          canCreate={can["environments.create"]}
        />
        {members?.ok && (
          <MembersSection
            level="project"
            params={{ tenant, project }}
            members={members.data.items}
            roles={PROJECT_ROLES}
            canManage={can["projects.members.update"]}
          />
        )}
      </div>
    </>
  );
}
