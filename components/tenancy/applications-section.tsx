"use client";

import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog, type FieldErrors } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ApplicationDto } from "@/lib/tenancy/dto";
import type { ShownEnvVar } from "@/lib/workloads/otel-env";
import { CreateApplicationInput, UpdateApplicationInput } from "@/lib/tenancy/schemas";
import { formatEnv, formatPorts, parseEnv, parsePorts } from "./application-form";
import { InjectedEnv } from "./injected-env";
import { TelemetryFields, telemetryFrom } from "./telemetry-fields";

type Names = { tenant: string; project: string; environment: string };
type ApplicationWithEnv = ApplicationDto & { injectedEnv: ShownEnvVar[] };

function firstError(errors: FieldErrors, prefix: string) {
  return Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
}

function AppFields({ errors, app, withName }: { errors: FieldErrors; app?: ApplicationDto; withName: boolean }) {
  const { t } = useI18n();
  const envError = firstError(errors, "env");
  return (
    <>
      {withName && (
        <TextField name="name" label={t("common.name")} error={errors.name} hint={t("validation.dnsLabel")} autoFocus />
      )}
      <TextField
        name="image"
        label={t("applications.image")}
        error={errors.image}
        defaultValue={app?.image}
        placeholder={t("common.example", { value: "nginx:1.27" })}
      />
      <TextField
        name="replicas"
        label={t("applications.replicas")}
        type="number"
        min={0}
        max={100}
        error={errors.replicas}
        defaultValue={app?.replicas ?? 1}
      />
      <TextField
        name="ports"
        label={t("applications.ports")}
        error={firstError(errors, "ports")}
        defaultValue={app ? formatPorts(app.ports) : ""}
        placeholder={t("common.example", { value: "http:80" })}
        hint={t("applications.portsHint")}
      />
      <TelemetryFields errors={errors} value={app?.telemetry} />
      <Field id="field-env" label={t("applications.env")} error={envError} hint={t("applications.envHint")}>
        <textarea
          id="field-env"
          name="env"
          rows={4}
          defaultValue={app ? formatEnv(app.env) : ""}
          aria-invalid={Boolean(envError)}
          className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-sm"
        />
      </Field>
    </>
  );
}

const bodyFrom = (f: FormData, withName: boolean) => ({
  ...(withName && { name: f.get("name") }),
  image: f.get("image"),
  replicas: Number(f.get("replicas")),
  ports: parsePorts(String(f.get("ports") ?? "")),
  env: parseEnv(String(f.get("env") ?? "")),
  telemetry: telemetryFrom(f),
});

export function ApplicationsSection({
  names,
  applications,
  canCreate,
  canUpdate,
  canDelete,
}: {
  names: Names;
  applications: ApplicationWithEnv[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
}) {
  const { t } = useI18n();
  const messages = { name: t("validation.dnsLabel"), image: t("applications.imageHint") };
  return (
    <Card aria-labelledby="environment-applications">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="environment-applications" className="mb-0">
          {t("applications.title")}
        </CardTitle>
        {canCreate && (
          <FormDialog
            title={t("applications.create")}
            trigger={t("applications.new")}
            operation="createApplication"
            schema={CreateApplicationInput}
            messages={messages}
            toBody={(f) => bodyFrom(f, true)}
            toInput={(body) => ({ params: names, body })}
            submitLabel={t("common.create")}
          >
            {(errors) => <AppFields errors={errors} withName />}
          </FormDialog>
        )}
      </div>
      {applications.length === 0 ? (
        <EmptyState title={t("applications.empty")} hint={canCreate ? t("applications.emptyHint") : undefined} />
      ) : (
        <Table aria-label={t("applications.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("applications.image")}</Th>
              <Th>{t("applications.replicas")}</Th>
              <Th>{t("applications.ports")}</Th>
              <Th>{t("applications.otel.column")}</Th>
              {(canUpdate || canDelete) && <Th className="text-right">{t("common.actions")}</Th>}
            </tr>
          </THead>
          <TBody>
            {applications.map((a) => (
              <tr key={a.name}>
                <Td className="font-medium">{a.name}</Td>
                <Td className="font-mono text-xs">{a.image}</Td>
                <Td>{a.replicas}</Td>
                <Td className="font-mono text-xs">{formatPorts(a.ports) || "—"}</Td>
                <Td>
                  <InjectedEnv app={a} />
                </Td>
                {(canUpdate || canDelete) && (
                  <Td className="space-x-2 text-right">
                    {canUpdate && (
                      <FormDialog
                        title={t("applications.editNamed", { name: a.name })}
                        trigger={t("common.edit")}
                        triggerLabel={t("applications.editNamed", { name: a.name })}
                        triggerVariant="outline"
                        operation="updateApplication"
                        schema={UpdateApplicationInput}
                        messages={messages}
                        toBody={(f) => bodyFrom(f, false)}
                        toInput={(body) => ({
                          params: { ...names, application: a.name },
                          body,
                          expectedVersion: a.version,
                        })}
                      >
                        {(errors) => <AppFields errors={errors} app={a} withName={false} />}
                      </FormDialog>
                    )}
                    {canDelete && (
                      <ConfirmDelete
                        operation="deleteApplication"
                        input={{ params: { ...names, application: a.name } }}
                        name={a.name}
                        kind={t("applications.kind")}
                        triggerLabel={t("applications.deleteNamed", { name: a.name })}
                      />
                    )}
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
