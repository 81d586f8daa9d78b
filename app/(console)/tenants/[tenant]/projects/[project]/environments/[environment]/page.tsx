import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ApplicationsSection } from "@/components/tenancy/applications-section";
import { EnvironmentActions } from "@/components/tenancy/environment-actions";
import { EnvironmentSummary } from "@/components/tenancy/environment-summary";
import { MembersSection } from "@/components/tenancy/members-section";
import { EnvironmentIngestTokens } from "@/components/telemetry/ingest-tokens-section";
import { Badge } from "@/components/ui/badge";
import { SyncCard } from "@/components/workloads/sync-card";
import { KindsSection } from "@/components/workloads/kinds-section";
import { WorkloadsSection } from "@/components/workloads/workloads-section";
import { EnvironmentUsageSection } from "@/components/usage/environment-usage-section";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { ENVIRONMENT_ROLES } from "@/lib/rbac";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consolePath } from "@/lib/console/paths";

type Params = { tenant: string; project: string; environment: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).environment };
}

export default async function EnvironmentPage({ params }: { params: Promise<Params> }) {
  const names = await params;
  const { environment } = names;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, [
    "environments.update",
    "environments.delete",
    "environments.sync",
    "environments.members.update",
    "applications.create",
    "applications.update",
    "applications.delete",
    "workloads.update",
    "ingest-tokens.read",
    "ingest-tokens.create",
  ] as const);
  const p = { params: names };
  const [{ t }, detail, apps, members] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getEnvironment", p),
    loadOperation(ctx, "listApplications", { ...p, query: { limit: "200" } }),
    loadOperation(ctx, "listEnvironmentMembers", { ...p, query: { limit: "200" } }),
  ]);
  const env = detail.ok ? detail.data : null;
  const crumbs = scopeCrumbs(t("tenants.title"), names);
  const applications = apps.ok ? apps.data.items : [];
  return (
    <>
      <Breadcrumbs items={crumbs} label={t("common.breadcrumbs")} />
      <PageHeader
        title={environment}
        description={env && <Badge tone={env.type}>{t(`envType.${env.type}`)}</Badge>}
        actions={
          env && (
            <>
              <Button asChild variant="outline" size="sm">
                <Link href={consolePath.environmentView(names, "apm")}>{t("telemetry.observe")}</Link>
              </Button>
              <Button asChild variant="outline" size="sm">
                <Link href={consolePath.environmentView(names, "models")}>{t("models.deploy.tab")}</Link>
              </Button>
              <Button asChild variant="outline" size="sm">
                <Link href={consolePath.configs(names)}>{t("environments.configs")}</Link>
              </Button>
              <EnvironmentActions
                names={names}
                canDelete={can["environments.delete"]}
                applications={applications.map((a) => a.name)}
              />
            </>
          )
        }
      />
      <div className="space-y-6">
        {env && <SyncCard names={names} sync={env.sync} canSync={can["environments.sync"]} />}
        <ApplicationsSection
          names={names}
          applications={applications}
          canCreate={can["applications.create"]}
          canUpdate={can["applications.update"]}
          canDelete={can["applications.delete"]}
        />
        <WorkloadsSection
          names={names}
          applications={applications.map((a) => a.name)}
          canWrite={can["workloads.update"]}
          canUpdateApps={can["applications.update"]}
        />
        <EnvironmentUsageSection names={names} />
        <KindsSection names={names} canWrite={can["workloads.update"]} />
        {env && <EnvironmentSummary environment={env} canUpdate={can["environments.update"]} names={names} />}
        {env && can["ingest-tokens.read"] && (
          <EnvironmentIngestTokens names={names} namespace={env.namespace} canCreate={can["ingest-tokens.create"]} />
        )}
        {members.ok && (
          <MembersSection
            level="environment"
            params={names}
            members={members.data.items}
            roles={ENVIRONMENT_ROLES}
            canManage={can["environments.members.update"]}
          />
        )}
      </div>
    </>
  );
}
