"use client";

import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { ProblemAlert } from "@/components/console/problem-alert";
import { TextField } from "@/components/console/text-field";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { UserDto } from "@/lib/users/dto";
import { Password } from "@/lib/users/schemas";
import { z } from "zod";

export function UsersTable({ users, me }: { users: UserDto[]; me: string }) {
  const { t } = useI18n();
  const update = useOperation("updateUser");
  return (
    <div className="space-y-3">
      <ProblemAlert problem={update.problem} />
      <Table aria-label={t("users.title")}>
        <THead>
          <tr>
            <Th>{t("login.username")}</Th>
            <Th>{t("overview.email")}</Th>
            <Th>{t("overview.systemRole")}</Th>
            <Th>{t("users.status")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <tr key={u.username}>
              <Td>
                <span className="font-medium">{u.username}</span>
                {u.displayName && u.displayName !== u.username && (
                  <span className="ml-2 text-muted-foreground">{u.displayName}</span>
                )}
              </Td>
              <Td className="text-muted-foreground">{u.email ?? "—"}</Td>
              <Td>
                <NativeSelect
                  aria-label={t("users.roleOf", { username: u.username })}
                  defaultValue={u.systemRole}
                  disabled={update.pending || u.username === me}
                  className="w-44"
                  onChange={(e) =>
                    update.run({ params: { username: u.username }, body: { systemRole: e.target.value } })
                  }
                >
                  <option value="normal">{t("role.normal")}</option>
                  <option value="sysadmin">{t("role.sysadmin")}</option>
                </NativeSelect>
              </Td>
              <Td>
                {u.disabled ? (
                  <Badge tone="bad">{t("users.disabled")}</Badge>
                ) : (
                  <Badge tone="ok">{t("users.active")}</Badge>
                )}
              </Td>
              <Td className="space-x-2 text-right">
                {u.username !== me && (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={update.pending}
                    aria-label={
                      u.disabled
                        ? t("users.enableNamed", { username: u.username })
                        : t("users.disableNamed", { username: u.username })
                    }
                    onClick={() => update.run({ params: { username: u.username }, body: { disabled: !u.disabled } })}
                  >
                    {u.disabled ? t("users.enable") : t("users.disable")}
                  </Button>
                )}
                <FormDialog
                  title={t("users.resetPasswordOf", { username: u.username })}
                  trigger={t("users.resetPassword")}
                  triggerLabel={t("users.resetPasswordOf", { username: u.username })}
                  triggerVariant="outline"
                  operation="updateUser"
                  schema={z.object({ password: Password })}
                  messages={{ password: t("validation.password") }}
                  toBody={(f) => ({ password: f.get("password") })}
                  toInput={(body) => ({ params: { username: u.username }, body })}
                >
                  {(errors) => (
                    <TextField
                      name="password"
                      type="password"
                      label={t("users.newPassword")}
                      error={errors.password}
                      autoComplete="new-password"
                    />
                  )}
                </FormDialog>
                {u.username !== me && (
                  <ConfirmDelete
                    operation="deleteUser"
                    input={{ params: { username: u.username } }}
                    name={u.username}
                    kind={t("users.kind")}
                    triggerLabel={t("users.deleteNamed", { username: u.username })}
                  />
                )}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
