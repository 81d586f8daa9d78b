"use client";

import Link from "next/link";
import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ENVIRONMENT_TYPES } from "@/lib/rbac/roles";
import type { EnvironmentDto } from "@/lib/tenancy/dto";
import { CreateEnvironmentInput } from "@/lib/tenancy/schemas";
import { QuotaFields, quotaFrom } from "./quota-fields";
import { consolePath } from "@/lib/console/paths";

/** Environments grouped by type, dev → test → prod, the way a release travels. */
export function EnvironmentsSection({
  tenant,
  project,
  environments,
  clusters,
  canCreate,
}: {
  tenant: string;
  project: string;
  environments: EnvironmentDto[];
  clusters: string[];
  canCreate: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card aria-labelledby="project-environments">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="project-environments" className="mb-0">
          {t("environments.title")}
        </CardTitle>
        {canCreate && (
          <FormDialog
            title={t("environments.create")}
            trigger={t("environments.new")}
            operation="createEnvironment"
            schema={CreateEnvironmentInput}
            messages={{
              name: t("validation.dnsLabel"),
              namespace: t("validation.dnsLabel"),
              "quota.cpu": t("quota.cpuHint"),
              "quota.memory": t("quota.bytesHint"),
              "quota.storage": t("quota.bytesHint"),
              "quota.pods": t("quota.podsHint"),
            }}
            toBody={(f) => ({
              name: f.get("name"),
              type: f.get("type"),
              cluster: f.get("cluster"),
              ...(f.get("namespace") ? { namespace: f.get("namespace") } : {}),
              quota: quotaFrom(f, "quota"),
            })}
            toInput={(body) => ({ params: { tenant, project }, body })}
            submitLabel={t("common.create")}
          >
            {(errors) =>
              clusters.length === 0 ? (
                <EmptyState title={t("environments.noCluster")} hint={t("environments.noClusterHint")} />
              ) : (
                <>
                  <TextField
                    name="name"
                    label={t("common.name")}
                    error={errors.name}
                    hint={t("validation.dnsLabel")}
                    autoFocus
                  />
                  <SelectField
                    name="type"
                    label={t("environments.type")}
                    options={ENVIRONMENT_TYPES.map((v) => ({ value: v, label: t(`envType.${v}`) }))}
                    error={errors.type}
                  />
                  <SelectField
                    name="cluster"
                    label={t("environments.cluster")}
                    options={clusters.map((c) => ({ value: c, label: c }))}
                    error={errors.cluster}
                  />
                  <TextField
                    name="namespace"
                    label={t("environments.namespace")}
                    error={errors.namespace}
                    hint={t("environments.namespaceHint")}
                  />
                  <QuotaFields errors={errors} prefix="quota" />
                </>
              )
            }
          </FormDialog>
        )}
      </div>
      {environments.length === 0 ? (
        <EmptyState title={t("environments.empty")} hint={canCreate ? t("environments.emptyHintAdmin") : undefined} />
      ) : (
        <div className="grid gap-4 md:grid-cols-3">
          {ENVIRONMENT_TYPES.map((type) => {
            const group = environments.filter((e) => e.type === type);
            return (
              <section key={type} aria-label={t(`envType.${type}`)} className="rounded-md border p-3">
                <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold">
                  <Badge tone={type}>{t(`envType.${type}`)}</Badge>
                  <span className="text-muted-foreground">{group.length}</span>
                </h3>
                {group.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t("environments.noneOfType")}</p>
                ) : (
                  <ul className="space-y-2">
                    {group.map((e) => (
                      <li key={e.name} className="rounded border p-2">
                        <Link
                          href={consolePath.environment({ tenant, project, environment: e.name })}
                          className="font-medium text-primary hover:underline"
                        >
                          {e.name}
                        </Link>
                        <p className="text-xs text-muted-foreground">
                          {e.cluster} · {e.namespace}
                        </p>
                        <p className="text-xs text-muted-foreground">
                          {t("quota.cpu")} {e.quota.cpu} · {t("quota.memory")} {e.quota.memory} · {t("quota.pods")}{" "}
                          {e.quota.pods}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}
