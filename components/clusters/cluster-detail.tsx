"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ClusterDto } from "@/lib/clusters/dto";
import { ClusterStatusBadge } from "./cluster-status-badge";
import { apiPath, consolePath } from "@/lib/console/paths";

type Detail = ClusterDto & {
  environments: { tenant: string; project: string; environment: string; namespace: string; sync: string }[];
};

export function ClusterDetail({ cluster }: { cluster: Detail }) {
  const { t } = useI18n();
  const router = useRouter();
  const s = cluster.status;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="cluster-status">
        <div className="mb-3 flex items-center justify-between">
          <CardTitle id="cluster-status" className="mb-0">
            {t("clusters.status")}
          </CardTitle>
          <div className="flex gap-2">
            {cluster.kind === "sandbox" && (
              <Button asChild variant="outline" size="sm">
                <a href={apiPath.clusterKubeconfig(cluster.name)} download>
                  {t("clusters.downloadKubeconfig")}
                </a>
              </Button>
            )}
            {cluster.kind !== "sandbox" && (
              <ConfirmDelete
                operation="deleteCluster"
                input={{ params: { cluster: cluster.name } }}
                name={cluster.name}
                kind={t("clusters.kind")}
                onDeleted={() => router.push("/clusters")}
              />
            )}
          </div>
        </div>
        {s.error && <Alert variant="destructive">{s.error}</Alert>}
        <dl className="mt-3 grid grid-cols-2 gap-4 text-sm md:grid-cols-5">
          <div>
            <dt className="text-muted-foreground">{t("clusters.status")}</dt>
            <dd>
              <ClusterStatusBadge reachable={s.reachable} />
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("clusters.version")}</dt>
            <dd>{s.version ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("clusters.nodes")}</dt>
            <dd>{s.nodes ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("clusters.namespaces")}</dt>
            <dd>{s.namespaces ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("clusters.checkedAt")}</dt>
            <dd>{s.checkedAt ? new Date(s.checkedAt).toLocaleString() : "—"}</dd>
          </div>
        </dl>
      </Card>
      <Card aria-labelledby="cluster-environments">
        <CardTitle id="cluster-environments">{t("environments.title")}</CardTitle>
        {cluster.environments.length === 0 ? (
          <EmptyState title={t("clusters.noEnvironments")} />
        ) : (
          <Table aria-label={t("environments.title")}>
            <THead>
              <tr>
                <Th>{t("environments.namespace")}</Th>
                <Th>{t("switcher.environment")}</Th>
                <Th>{t("environments.sync")}</Th>
              </tr>
            </THead>
            <TBody>
              {cluster.environments.map((e) => (
                <tr key={e.namespace}>
                  <Td className="font-mono text-xs">{e.namespace}</Td>
                  <Td>
                    <Link className="text-primary hover:underline" href={consolePath.environment(e)}>
                      {e.tenant} / {e.project} / {e.environment}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={e.sync === "synced" ? "ok" : e.sync === "error" ? "bad" : "neutral"}>
                      {t(`sync.${e.sync as "synced" | "error" | "pending"}`)}
                    </Badge>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
