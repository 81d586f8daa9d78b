import type { Metadata } from "next";
import Link from "next/link";
import { ClusterBackendsCard } from "@/components/clusters/cluster-backends-card";
import { ClusterDetail } from "@/components/clusters/cluster-detail";
import { ClusterLoggingCard } from "@/components/clusters/cluster-logging-card";
import { NamespacePolicyCard } from "@/components/clusters/namespace-policy-card";
import { ProblemPanel } from "@/components/console/problem-panel";
import { ClusterIngestTokens } from "@/components/telemetry/ingest-tokens-section";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { sysadminContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { consolePath } from "@/lib/console/paths";

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }): Promise<Metadata> {
  return { title: (await params).cluster };
}

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const ctx = await sysadminContext();
  const [{ t }, result] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getCluster", { params: { cluster } }),
  ]);
  return (
    <>
      <Breadcrumbs
        items={[{ label: t("clusters.title"), href: consolePath.clusters() }, { label: cluster }]}
        label={t("common.breadcrumbs")}
      />
      <PageHeader
        title={cluster}
        description={result.ok ? result.data.description || result.data.server : undefined}
        actions={
          result.ok && (
            <Button asChild variant="outline" size="sm">
              <Link href={consolePath.clusterNodes(cluster)}>{t("nodes.link")}</Link>
            </Button>
          )
        }
      />
      {result.ok ? <ClusterDetail cluster={result.data} /> : <ProblemPanel problem={result.error} />}
      {result.ok && <ClusterBackendsCard cluster={cluster} />}
      {result.ok && <NamespacePolicyCard cluster={cluster} />}
      {result.ok && <ClusterIngestTokens cluster={cluster} />}
      {result.ok && <ClusterLoggingCard cluster={cluster} />}
    </>
  );
}
