"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { SandboxCredentialDto } from "@/lib/clusters/sandbox-credentials/dto";

/** The sandbox kubeconfigs the user downloaded: each carries a token that can be revoked here. */
export function SandboxCredentialsPanel({ credentials }: { credentials: SandboxCredentialDto[] }) {
  const { t, locale } = useI18n();
  const [now] = useState(() => Date.now());
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : "—");
  const state = (c: SandboxCredentialDto) =>
    c.revokedAt ? "revoked" : c.expiresAt && new Date(c.expiresAt).getTime() < now ? "expired" : "active";
  return (
    <Card aria-labelledby="sandbox-credentials-title">
      <CardTitle id="sandbox-credentials-title">{t("sandboxCredentials.title")}</CardTitle>
      <p className="mb-3 text-sm text-muted-foreground">{t("sandboxCredentials.description")}</p>
      {credentials.length === 0 ? (
        <EmptyState title={t("sandboxCredentials.empty")} hint={t("sandboxCredentials.emptyHint")} />
      ) : (
        <Table aria-label={t("sandboxCredentials.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("sandboxCredentials.downloaded")}</Th>
              <Th>{t("tokens.expires")}</Th>
              <Th>{t("tokens.lastUsed")}</Th>
              <Th>{t("users.status")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {credentials.map((c) => (
              <tr key={c.id}>
                <Td className="font-medium">{c.name}</Td>
                <Td>{when(c.createdAt)}</Td>
                <Td>{when(c.expiresAt)}</Td>
                <Td>{when(c.lastUsedAt)}</Td>
                <Td>
                  <Badge tone={state(c) === "active" ? "ok" : "neutral"}>{t(`tokens.state.${state(c)}`)}</Badge>
                </Td>
                <Td className="text-right">
                  {state(c) === "active" && (
                    <ConfirmDelete
                      operation="revokeMySandboxCredential"
                      input={{ params: { id: String(c.id) } }}
                      name={`${c.name} #${c.id}`}
                      kind={t("sandboxCredentials.kind")}
                      actionLabel={t("tokens.revoke")}
                      triggerLabel={t("sandboxCredentials.revokeNamed", { id: String(c.id) })}
                    />
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
