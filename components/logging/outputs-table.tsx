"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ActionsHeader } from "./actions-header";
import type { OutputItem } from "./api";
import { LastChangeCell, LoggingStatus } from "./status-badge";

/** Outputs or ClusterOutputs with their status; the caller supplies each row's actions. */
export function OutputsTable({
  label,
  items,
  actions,
}: {
  label: string;
  items: OutputItem[];
  actions: (item: OutputItem) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>{t("common.name")}</Th>
          <Th>{t("logging.col.type")}</Th>
          <Th>{t("logging.col.target")}</Th>
          <Th>{t("logging.col.status")}</Th>
          <Th>{t("logging.col.lastChange")}</Th>
          <ActionsHeader />
        </tr>
      </THead>
      <TBody>
        {items.map((o) => (
          <tr key={o.name}>
            <Td className="font-medium">{o.name}</Td>
            <Td>{o.type}</Td>
            <Td className="max-w-64 break-all font-mono text-xs">{o.target || "—"}</Td>
            <Td>
              <LoggingStatus active={o.active} problems={o.problems} />
            </Td>
            <Td>
              <LastChangeCell change={o.lastChange} />
            </Td>
            <Td>
              <div className="flex justify-end gap-2">{actions(o)}</div>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
