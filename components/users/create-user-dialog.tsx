"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CreateUserInput } from "@/lib/users/schemas";

export function CreateUserDialog() {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("users.create")}
      trigger={t("users.new")}
      operation="createUser"
      schema={CreateUserInput}
      messages={{
        username: t("validation.username"),
        password: t("validation.password"),
        email: t("validation.email"),
      }}
      toBody={(f) => ({
        username: f.get("username"),
        displayName: f.get("displayName"),
        email: f.get("email") || null,
        password: f.get("password"),
        systemRole: f.get("systemRole"),
      })}
      toInput={(body) => ({ body })}
      submitLabel={t("common.create")}
    >
      {(errors) => (
        <>
          <TextField name="username" label={t("login.username")} error={errors.username} autoComplete="off" autoFocus />
          <TextField name="displayName" label={t("overview.displayName")} error={errors.displayName} />
          <TextField name="email" label={t("overview.email")} type="email" error={errors.email} />
          <TextField
            name="password"
            label={t("login.password")}
            type="password"
            error={errors.password}
            autoComplete="new-password"
            hint={t("validation.password")}
          />
          <SelectField
            name="systemRole"
            label={t("overview.systemRole")}
            options={[
              { value: "normal", label: t("role.normal") },
              { value: "sysadmin", label: t("role.sysadmin") },
            ]}
          />
        </>
      )}
    </FormDialog>
  );
}
