"use client";

import { CredentialTable } from "./credential-table";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SandboxCredentialDto } from "@/lib/clusters/sandbox-credentials/dto";

/** The sandbox kubeconfigs the user downloaded: each carries a token that can be revoked here. */
export function SandboxCredentialsPanel({ credentials }: { credentials: SandboxCredentialDto[] }) {
  const { t, locale } = useI18n();
  return (
    <Card aria-labelledby="sandbox-credentials-title">
      <CardTitle id="sandbox-credentials-title">{t("sandboxCredentials.title")}</CardTitle>
      <p className="mb-3 text-sm text-muted-foreground">{t("sandboxCredentials.description")}</p>
      {credentials.length === 0 ? (
        <EmptyState title={t("sandboxCredentials.empty")} hint={t("sandboxCredentials.emptyHint")} />
      ) : (
        <CredentialTable
          label={t("sandboxCredentials.title")}
          items={credentials}
          column={{
            header: t("sandboxCredentials.downloaded"),
            cell: (c) => (c.createdAt ? new Date(c.createdAt).toLocaleString(locale) : "—"),
          }}
          revoke={(c) => (
            <ConfirmDelete
              operation="revokeMySandboxCredential"
              input={{ params: { id: String(c.id) } }}
              name={`${c.name} #${c.id}`}
              kind={t("sandboxCredentials.kind")}
              actionLabel={t("tokens.revoke")}
              triggerLabel={t("sandboxCredentials.revokeNamed", { id: String(c.id) })}
            />
          )}
        />
      )}
    </Card>
  );
}
