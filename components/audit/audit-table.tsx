"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  tenant: string | null;
  target: string;
  diff: unknown;
  result: "success" | "failure";
  clientAddress: string | null;
  requestId: string | null;
  traceId: string | null;
}

export function AuditTable({
  items,
  nextCursor,
  query,
}: {
  items: AuditRow[];
  nextCursor: string | null;
  query: Record<string, string>;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <EmptyState title={t("audit.empty")} hint={t("audit.emptyHint")} />;
  const next = new URLSearchParams({ ...query, cursor: nextCursor ?? "" });
  return (
    <>
      <Table aria-label={t("audit.title")}>
        <THead>
          <tr>
            <Th>{t("audit.when")}</Th>
            <Th>{t("audit.actor")}</Th>
            <Th>{t("audit.action")}</Th>
            <Th>{t("audit.target")}</Th>
            <Th>{t("audit.result")}</Th>
            <Th>{t("audit.details")}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((row) => (
            <tr key={row.id}>
              <Td className="whitespace-nowrap text-muted-foreground">{new Date(row.at).toLocaleString()}</Td>
              <Td className="font-medium">{row.actor}</Td>
              <Td className="font-mono text-xs">{row.action}</Td>
              <Td className="min-w-48 max-w-md break-all font-mono text-xs">{row.target}</Td>
              <Td>
                {row.result === "success" ? (
                  <Badge tone="ok">{t("audit.success")}</Badge>
                ) : (
                  <Badge tone="bad">{t("audit.failure")}</Badge>
                )}
              </Td>
              <Td>
                <details>
                  <summary className="cursor-pointer text-xs text-primary">{t("audit.show")}</summary>
                  <pre className="mt-1 max-w-md overflow-x-auto rounded bg-muted p-2 text-xs">
                    {JSON.stringify(
                      {
                        diff: row.diff,
                        clientAddress: row.clientAddress,
                        requestId: row.requestId,
                        traceId: row.traceId,
                      },
                      null,
                      2,
                    )}
                  </pre>
                </details>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {nextCursor && (
        <div className="mt-3 text-right">
          <Link className="text-sm text-primary hover:underline" href={`?${next}`}>
            {t("audit.older")}
          </Link>
        </div>
      )}
    </>
  );
}
