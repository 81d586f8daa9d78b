"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { ProblemAlert } from "@/components/console/problem-alert";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useOperation } from "@/components/console/use-operation";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { OperationName } from "@/lib/console/registry";
import type { MessageKey } from "@/lib/i18n/translate";
import { z } from "zod";

export interface MemberRow {
  username: string;
  displayName: string;
  role: string;
  since: string;
}

type Level = "tenant" | "project" | "environment";
const OPS: Record<Level, { add: OperationName; set: OperationName; remove: OperationName }> = {
  tenant: { add: "addTenantMember", set: "setTenantMemberRole", remove: "removeTenantMember" },
  project: { add: "addProjectMember", set: "setProjectMemberRole", remove: "removeProjectMember" },
  environment: { add: "addEnvironmentMember", set: "setEnvironmentMemberRole", remove: "removeEnvironmentMember" },
};

/** Members of a tenant, project or environment; managers add, re-role and remove them. */
export function MembersSection({
  level,
  params,
  members,
  roles,
  canManage,
}: {
  level: Level;
  params: Record<string, string>;
  members: MemberRow[];
  roles: readonly string[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const setRole = useOperation(OPS[level].set);
  const roleLabel = (r: string) => t(`role.${level}.${r}` as MessageKey);
  const options = roles.map((r) => ({ value: r, label: roleLabel(r) }));
  return (
    <Card aria-labelledby={`${level}-members`}>
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id={`${level}-members`} className="mb-0">
          {t("members.title")}
        </CardTitle>
        {canManage && (
          <FormDialog
            title={t("members.add")}
            trigger={t("members.add")}
            triggerVariant="outline"
            operation={OPS[level].add}
            schema={z.object({ username: z.string().min(1), role: z.enum(roles as [string, ...string[]]) })}
            messages={{ username: t("validation.required") }}
            toBody={(f) => ({ username: f.get("username"), role: f.get("role") })}
            toInput={(body) => ({ params, body })}
            submitLabel={t("members.add")}
          >
            {(errors) => (
              <>
                <TextField
                  name="username"
                  label={t("members.username")}
                  error={errors.username}
                  hint={level === "tenant" ? undefined : t("members.onlyTenantMembers")}
                  autoComplete="off"
                />
                <SelectField name="role" label={t("members.role")} options={options} error={errors.role} />
              </>
            )}
          </FormDialog>
        )}
      </div>
      <ProblemAlert problem={setRole.problem} />
      {members.length === 0 ? (
        <EmptyState title={t("members.empty")} hint={canManage ? t("members.emptyHint") : undefined} />
      ) : (
        <Table aria-label={t("members.title")}>
          <THead>
            <tr>
              <Th>{t("members.username")}</Th>
              <Th>{t("members.role")}</Th>
              <Th>{t("members.since")}</Th>
              {canManage && <Th className="text-right">{t("common.actions")}</Th>}
            </tr>
          </THead>
          <TBody>
            {members.map((m) => (
              <tr key={m.username}>
                <Td>
                  <span className="font-medium">{m.username}</span>
                  {m.displayName && m.displayName !== m.username && (
                    <span className="ml-2 text-muted-foreground">{m.displayName}</span>
                  )}
                </Td>
                <Td>
                  {canManage ? (
                    <NativeSelect
                      aria-label={t("members.roleOf", { username: m.username })}
                      defaultValue={m.role}
                      disabled={setRole.pending}
                      onChange={(e) =>
                        setRole.run({ params: { ...params, username: m.username }, body: { role: e.target.value } })
                      }
                      className="w-40"
                    >
                      {options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                  ) : (
                    roleLabel(m.role)
                  )}
                </Td>
                <Td className="text-muted-foreground">{new Date(m.since).toLocaleDateString()}</Td>
                {canManage && (
                  <Td className="text-right">
                    <ConfirmDelete
                      operation={OPS[level].remove}
                      input={{ params: { ...params, username: m.username } }}
                      name={m.username}
                      kind={t("members.member")}
                      triggerLabel={t("members.remove", { username: m.username })}
                      actionLabel={t("members.removeShort")}
                    />
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
