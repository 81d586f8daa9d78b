"use client";

import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { UpdateProjectInput } from "@/lib/tenancy/schemas";
import { IsolationCheckbox } from "./isolation-checkbox";
import { consolePath } from "@/lib/console/paths";

export function ProjectActions({
  tenant,
  project,
  description,
  networkIsolation,
  canUpdate,
  canDelete,
  environments,
}: {
  tenant: string;
  project: string;
  description: string;
  networkIsolation: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  environments: string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <>
      {canUpdate && (
        <FormDialog
          title={t("projects.edit")}
          trigger={t("common.edit")}
          triggerVariant="outline"
          operation="updateProject"
          schema={UpdateProjectInput}
          toBody={(f) => ({ description: f.get("description"), networkIsolation: f.get("networkIsolation") === "on" })}
          toInput={(body) => ({ params: { tenant, project }, body })}
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
          operation="deleteProject"
          input={{ params: { tenant, project } }}
          name={project}
          kind={t("projects.kind")}
          consequences={
            environments.length ? t("projects.deleteBlocked", { environments: environments.join(", ") }) : undefined
          }
          onDeleted={() => router.push(consolePath.tenant(tenant))}
        />
      )}
    </>
  );
}
