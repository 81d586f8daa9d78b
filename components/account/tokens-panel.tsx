"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import { CredentialTable } from "./credential-table";
import { CreateTokenInput } from "@/lib/auth/tokens/schemas";
import type { TokenDto } from "@/lib/auth/tokens/token-dto";

export function TokensPanel({ tokens, origin }: { tokens: TokenDto[]; origin: string }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
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
        <CredentialTable
          label={t("tokens.title")}
          items={tokens}
          column={{
            header: t("tokens.scope"),
            cell: (tok) => (tok.scope === "read-only" ? t("tokens.readOnly") : t("tokens.readWrite")),
          }}
          revoke={(tok) => (
            <ConfirmDelete
              operation="revokeMyToken"
              input={{ params: { id: String(tok.id) } }}
              name={tok.name}
              kind={t("tokens.kind")}
              actionLabel={t("tokens.revoke")}
              triggerLabel={t("tokens.revokeNamed", { name: tok.name })}
            />
          )}
        />
      )}
    </div>
  );
}
