"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { OperationName } from "@/lib/console/registry";
import type { EnvNames } from "@/lib/telemetry/client";
import { CreateIngestTokenInput, type IngestTokenDto } from "@/lib/telemetry/schemas";
import { IngestTokenReveal, type RevealedIngestToken } from "./ingest-token-reveal";

/** Whose tokens: one environment's (pinned to its namespace) or a cluster's (any namespace). */
export type IngestTokenOwner =
  { kind: "environment"; params: EnvNames; namespace: string } | { kind: "cluster"; params: { cluster: string } };

const OPERATIONS = {
  environment: { create: "createIngestToken", revoke: "revokeIngestToken" },
  cluster: { create: "createClusterIngestToken", revoke: "revokeClusterIngestToken" },
} as const satisfies Record<IngestTokenOwner["kind"], Record<"create" | "revoke", OperationName>>;

/** The ingest tokens OTLP exporters send with: list, create (secret shown once), revoke. */
export function IngestTokensPanel({
  owner,
  tokens,
  origin,
  canCreate,
}: {
  owner: IngestTokenOwner;
  tokens: IngestTokenDto[];
  origin: string;
  canCreate: boolean;
}) {
  const { t, locale } = useI18n();
  const [created, setCreated] = useState<RevealedIngestToken | null>(null);
  const ops = OPERATIONS[owner.kind];
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card aria-labelledby="ingest-tokens">
      <div className="mb-1 flex items-center justify-between">
        <CardTitle id="ingest-tokens" className="mb-0">
          {t("ingestTokens.title")}
        </CardTitle>
        {canCreate && (
          <FormDialog
            title={t("ingestTokens.create")}
            trigger={t("ingestTokens.new")}
            triggerVariant="outline"
            operation={ops.create}
            schema={CreateIngestTokenInput}
            messages={{ name: t("validation.required") }}
            toBody={(f) => ({ name: f.get("name") })}
            toInput={(body) => ({ params: owner.params, body })}
            onSuccess={(data) => setCreated(data as RevealedIngestToken)}
            submitLabel={t("common.create")}
          >
            {(e) => (
              <TextField
                name="name"
                label={t("common.name")}
                error={e.name}
                hint={t("ingestTokens.nameHint")}
                placeholder="orders-service"
                autoFocus
              />
            )}
          </FormDialog>
        )}
      </div>
      <p className="mb-3 text-sm text-muted-foreground">
        {owner.kind === "environment"
          ? t("ingestTokens.descriptionEnvironment", { namespace: owner.namespace })
          : t("ingestTokens.descriptionCluster")}
      </p>
      {created && <IngestTokenReveal created={created} origin={origin} onDismiss={() => setCreated(null)} />}
      {tokens.length === 0 ? (
        <EmptyState title={t("ingestTokens.empty")} hint={t("ingestTokens.emptyHint")} />
      ) : (
        <Table aria-label={t("ingestTokens.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("ingestTokens.prefix")}</Th>
              <Th>{t("common.created")}</Th>
              <Th>{t("ingestTokens.lastUsed")}</Th>
              <Th>{t("ingestTokens.status")}</Th>
              {canCreate && <Th className="text-right">{t("common.actions")}</Th>}
            </tr>
          </THead>
          <TBody>
            {tokens.map((tok) => (
              <tr key={tok.id}>
                <Td className="font-medium">{tok.name}</Td>
                <Td className="font-mono text-xs">{tok.prefix}…</Td>
                <Td>{t("ingestTokens.createdBy", { at: when(tok.createdAt), user: tok.createdBy })}</Td>
                <Td>{tok.lastUsedAt ? when(tok.lastUsedAt) : t("ingestTokens.never")}</Td>
                <Td>
                  {tok.revokedAt ? (
                    <Badge>{t("ingestTokens.revoked")}</Badge>
                  ) : (
                    <Badge tone="ok">{t("ingestTokens.active")}</Badge>
                  )}
                </Td>
                {canCreate && (
                  <Td className="text-right">
                    {!tok.revokedAt && (
                      <ConfirmDelete
                        operation={ops.revoke}
                        input={{ params: { ...owner.params, id: String(tok.id) } }}
                        name={tok.name}
                        kind={t("ingestTokens.kind")}
                        consequences={t("ingestTokens.revokeConsequences")}
                        actionLabel={t("ingestTokens.revoke")}
                        triggerLabel={t("ingestTokens.revokeNamed", { name: tok.name })}
                      />
                    )}
                  </Td>
                )}
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
