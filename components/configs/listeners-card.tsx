"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { configKeys, fetchListeners, type EnvNames } from "@/lib/config-center/queries";

/** Which clients listen to the config, with the MD5 they hold; refreshed while open. */
export function ListenersCard({ names, dataId }: { names: EnvNames; dataId: string }) {
  const { t, locale } = useI18n();
  const listeners = useQuery({
    queryKey: configKeys.listeners(names, dataId),
    queryFn: () => fetchListeners(names, dataId),
    refetchInterval: 5000,
  });
  const items = listeners.data?.items ?? [];
  return (
    <Card aria-labelledby="config-listeners">
      <CardTitle id="config-listeners">{t("configs.listeners")}</CardTitle>
      {items.length === 0 ? (
        <EmptyState title={t("configs.noListeners")} hint={t("configs.noListenersHint")} />
      ) : (
        <Table aria-label={t("configs.listeners")}>
          <THead>
            <tr>
              <Th>{t("configs.client")}</Th>
              <Th>MD5</Th>
              <Th>{t("users.status")}</Th>
              <Th>{t("configs.lastSeen")}</Th>
            </tr>
          </THead>
          <TBody>
            {items.map((l) => (
              <tr key={`${l.ip}#${l.clientId}`}>
                <Td>
                  {l.ip} <span className="text-xs text-muted-foreground">{l.clientId}</span>
                </Td>
                <Td className="font-mono text-xs">{l.md5 || "—"}</Td>
                <Td>
                  {l.inSync ? (
                    <Badge tone="ok">{t("configs.inSync")}</Badge>
                  ) : (
                    <Badge tone="warn">{t("configs.outOfSync")}</Badge>
                  )}
                </Td>
                <Td className="text-muted-foreground">
                  {l.lastSeenAt ? new Date(l.lastSeenAt).toLocaleTimeString(locale) : "—"}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
