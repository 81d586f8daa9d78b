"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { CreateTokenInput } from "@/lib/auth/tokens/schemas";
import type { TokenDto } from "@/lib/auth/tokens/token-dto";

export function TokensPanel({ tokens, origin }: { tokens: TokenDto[]; origin: string }) {
  const { t, locale } = useI18n();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [now] = useState(() => Date.now());
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : "—");
  const state = (tok: TokenDto) =>
    tok.revokedAt ? "revoked" : new Date(tok.expiresAt).getTime() < now ? "expired" : "active";
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <FormDialog
          title={t("tokens.create")}
          trigger={t("tokens.new")}
          operation="createMyToken"
          schema={CreateTokenInput}
          messages={{ name: t("validation.required"), expiresInDays: t("tokens.daysHint") }}
          toBody={(f) => ({
            name: f.get("name"),
            expiresInDays: Number(f.get("expiresInDays")),
            scope: f.get("scope"),
          })}
          toInput={(body) => ({ body })}
          onSuccess={(data) => setCreated(data as { name: string; token: string })}
          submitLabel={t("common.create")}
        >
          {(e) => (
            <>
              <TextField name="name" label={t("common.name")} error={e.name} placeholder="ci-pipeline" autoFocus />
              <TextField
                name="expiresInDays"
                type="number"
                min={1}
                max={365}
                defaultValue={30}
                label={t("tokens.expiresInDays")}
                error={e.expiresInDays}
                hint={t("tokens.daysHint")}
              />
              <SelectField
                name="scope"
                label={t("tokens.scope")}
                options={[
                  { value: "read-write", label: t("tokens.readWrite") },
                  { value: "read-only", label: t("tokens.readOnly") },
                ]}
              />
            </>
          )}
        </FormDialog>
      </div>
      {created && (
        <Alert>
          <p className="font-medium">{t("tokens.shownOnce", { name: created.name })}</p>
          <div className="mt-2">
            <CodeBlock label={t("tokens.yourToken")} code={created.token} />
          </div>
          <div className="mt-2">
            <CodeBlock
              label={t("overview.apiCall")}
              code={`curl -s ${origin}/api/v1/me -H "Authorization: Bearer ${created.token}"`}
            />
          </div>
        </Alert>
      )}
      {tokens.length === 0 ? (
        <EmptyState title={t("tokens.empty")} hint={t("tokens.emptyHint")} />
      ) : (
        <Table aria-label={t("tokens.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("tokens.scope")}</Th>
              <Th>{t("tokens.expires")}</Th>
              <Th>{t("tokens.lastUsed")}</Th>
              <Th>{t("users.status")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {tokens.map((tok) => (
              <tr key={tok.id}>
                <Td className="font-medium">{tok.name}</Td>
                <Td>{tok.scope === "read-only" ? t("tokens.readOnly") : t("tokens.readWrite")}</Td>
                <Td>{when(tok.expiresAt)}</Td>
                <Td>{when(tok.lastUsedAt)}</Td>
                <Td>
                  <Badge tone={state(tok) === "active" ? "ok" : "neutral"}>{t(`tokens.state.${state(tok)}`)}</Badge>
                </Td>
                <Td className="text-right">
                  {state(tok) === "active" && (
                    <ConfirmDelete
                      operation="revokeMyToken"
                      input={{ params: { id: String(tok.id) } }}
                      name={tok.name}
                      kind={t("tokens.kind")}
                      actionLabel={t("tokens.revoke")}
                      triggerLabel={t("tokens.revokeNamed", { name: tok.name })}
                    />
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
