import type { Metadata } from "next";
import { ClustersTable } from "@/components/clusters/clusters-table";
import { ImportClusterDialog } from "@/components/clusters/import-cluster-dialog";
import { ProblemPanel } from "@/components/console/problem-panel";
import { PageHeader } from "@/components/ui/page-header";
import { sysadminContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const ctx = await sysadminContext();
  const [{ t }, result] = await Promise.all([getTranslate(), loadOperation(ctx, "listClusters")]);
  return (
    <>
      <PageHeader
        title={t("clusters.title")}
        description={t("clusters.description")}
        actions={<ImportClusterDialog />}
      />
      {result.ok ? <ClustersTable clusters={result.data.items} /> : <ProblemPanel problem={result.error} />}
    </>
  );
}
