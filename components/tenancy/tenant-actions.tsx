"use client";

import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { UpdateTenantInput } from "@/lib/tenancy/schemas";
import { IsolationCheckbox } from "./isolation-checkbox";

export function TenantActions({
  tenant,
  description,
  networkIsolation,
  canUpdate,
  canDelete,
  projectCount,
}: {
  tenant: string;
  description: string;
  networkIsolation: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  projectCount: number;
}) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <>
      {canUpdate && (
        <FormDialog
          title={t("tenants.edit")}
          trigger={t("common.edit")}
          triggerVariant="outline"
          operation="updateTenant"
          schema={UpdateTenantInput}
          toBody={(f) => ({ description: f.get("description"), networkIsolation: f.get("networkIsolation") === "on" })}
          toInput={(body) => ({ params: { tenant }, body })}
        >
          {(errors) => (
            <>
              <TextField
                name="description"
                label={t("common.description")}
                defaultValue={description}
                error={errors.description}
              />
              <IsolationCheckbox defaultChecked={networkIsolation} />
            </>
          )}
        </FormDialog>
      )}
      {canDelete && (
        <ConfirmDelete
          operation="deleteTenant"
          input={{ params: { tenant }, query: projectCount ? { cascade: "true" } : {} }}
          name={tenant}
          kind={t("tenants.kind")}
          consequences={projectCount ? t("tenants.deleteCascade", { count: projectCount }) : undefined}
          onDeleted={() => router.push("/tenants")}
        />
      )}
    </>
  );
}
