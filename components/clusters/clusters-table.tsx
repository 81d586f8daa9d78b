"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ClusterDto } from "@/lib/clusters/dto";
import { ClusterStatusBadge } from "./cluster-status-badge";
import { consolePath } from "@/lib/console/paths";

export function ClustersTable({ clusters }: { clusters: ClusterDto[] }) {
  const { t } = useI18n();
  return (
    <Table aria-label={t("clusters.title")}>
      <THead>
        <tr>
          <Th>{t("common.name")}</Th>
          <Th>{t("clusters.server")}</Th>
          <Th>{t("clusters.status")}</Th>
          <Th>{t("clusters.version")}</Th>
          <Th>{t("clusters.nodes")}</Th>
          <Th>{t("clusters.namespaces")}</Th>
        </tr>
      </THead>
      <TBody>
        {clusters.map((c) => (
          <tr key={c.name}>
            <Td>
              <Link href={consolePath.cluster(c.name)} className="font-medium text-primary hover:underline">
                {c.name}
              </Link>
              {c.kind === "sandbox" && (
                <span className="ml-2 text-xs text-muted-foreground">{t("clusters.sandbox")}</span>
              )}
            </Td>
            <Td className="font-mono text-xs">{c.server}</Td>
            <Td>
              <ClusterStatusBadge reachable={c.status.reachable} />
              {c.status.error && <p className="mt-1 max-w-xs text-xs text-destructive">{c.status.error}</p>}
            </Td>
            <Td>{c.status.version ?? "—"}</Td>
            <Td>{c.status.nodes ?? "—"}</Td>
            <Td>{c.status.namespaces ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
