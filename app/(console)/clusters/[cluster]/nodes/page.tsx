import type { Metadata } from "next";
import { ProblemPanel } from "@/components/console/problem-panel";
import { NodesSection } from "@/components/usage/nodes-section";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { loadOperation, sysadminContext } from "@/lib/console/page";
import { consolePath } from "@/lib/console/paths";
import { getTranslate } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }): Promise<Metadata> {
  return { title: `${(await params).cluster} · Nodes` };
}

export default async function ClusterNodesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const ctx = await sysadminContext();
  const [{ t }, result] = await Promise.all([getTranslate(), loadOperation(ctx, "listNodes", { params: { cluster } })]);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("clusters.title"), href: consolePath.clusters() },
          { label: cluster, href: consolePath.cluster(cluster) },
          { label: t("nodes.title") },
        ]}
        label={t("common.breadcrumbs")}
      />
      <PageHeader title={t("nodes.title")} description={t("nodes.description", { cluster })} />
      {result.ok ? (
        <NodesSection cluster={cluster} initial={result.data} canCordon={ctx.actor.systemRole === "sysadmin"} />
      ) : (
        <ProblemPanel problem={result.error} />
      )}
    </>
  );
}
