"use client";

import { useRouter } from "next/navigation";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CreateTenantInput } from "@/lib/tenancy/schemas";
import { consolePath } from "@/lib/console/paths";

export function CreateTenantDialog() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <FormDialog
      title={t("tenants.create")}
      trigger={t("tenants.new")}
      operation="createTenant"
      schema={CreateTenantInput}
      messages={{ name: t("validation.dnsLabel") }}
      toBody={(f) => ({ name: f.get("name"), description: f.get("description") })}
      toInput={(body) => ({ body })}
      onSuccess={(_data, body) => router.push(consolePath.tenant(body.name))}
      submitLabel={t("common.create")}
    >
      {(errors) => (
        <>
          <TextField
            name="name"
            label={t("common.name")}
            error={errors.name}
            hint={t("validation.dnsLabel")}
            autoFocus
          />
          <TextField name="description" label={t("common.description")} error={errors.description} />
        </>
      )}
    </FormDialog>
  );
}
