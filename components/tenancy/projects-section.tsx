"use client";

import Link from "next/link";
import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ProjectDto } from "@/lib/tenancy/dto";
import { CreateProjectInput } from "@/lib/tenancy/schemas";
import { consolePath } from "@/lib/console/paths";

export function ProjectsSection({
  tenant,
  projects,
  canCreate,
}: {
  tenant: string;
  projects: ProjectDto[];
  canCreate: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card aria-labelledby="tenant-projects">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="tenant-projects" className="mb-0">
          {t("projects.title")}
        </CardTitle>
        {canCreate && (
          <FormDialog
            title={t("projects.create")}
            trigger={t("projects.new")}
            operation="createProject"
            schema={CreateProjectInput}
            messages={{ name: t("validation.dnsLabel") }}
            toBody={(f) => ({ name: f.get("name"), description: f.get("description") })}
            toInput={(body) => ({ params: { tenant }, body })}
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
        )}
      </div>
      {projects.length === 0 ? (
        <EmptyState
          title={t("projects.empty")}
          hint={canCreate ? t("projects.emptyHintAdmin") : t("projects.emptyHint")}
        />
      ) : (
        <Table aria-label={t("projects.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("common.description")}</Th>
              <Th>{t("common.created")}</Th>
            </tr>
          </THead>
          <TBody>
            {projects.map((p) => (
              <tr key={p.name}>
                <Td>
                  <Link
                    href={consolePath.project({ tenant, project: p.name })}
                    className="font-medium text-primary hover:underline"
                  >
                    {p.name}
                  </Link>
                </Td>
                <Td className="text-muted-foreground">{p.description}</Td>
                <Td className="text-muted-foreground">{new Date(p.createdAt).toLocaleDateString()}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
