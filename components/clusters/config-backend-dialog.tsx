"use client";

import { useState } from "react";
import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Label } from "@/components/ui/label";
import { ConfigBackendInput, type ConfigBackendDto } from "@/lib/config-center/schemas";
import type { FieldErrors } from "@/components/console/form-dialog";

/** An empty password keeps the stored one; the box removes it. */
function toBody(f: FormData) {
  if (f.get("kind") !== "nacos") return { kind: "embedded" };
  const password = f.get("clearPassword") === "on" ? "" : String(f.get("password") ?? "") || undefined;
  return { kind: "nacos", address: f.get("address"), username: String(f.get("username") ?? "") || undefined, password };
}

// Mounted with the dialog's content, so each opening starts from the stored backend.
function Fields({ current, errors }: { current: ConfigBackendDto; errors: FieldErrors }) {
  const { t } = useI18n();
  const [kind, setKind] = useState(current.kind);
  const nacos = current.kind === "nacos" ? current : null;
  return (
    <>
      <SelectField
        name="kind"
        label={t("backends.configStore")}
        value={kind}
        onChange={(e) => setKind(e.target.value as ConfigBackendDto["kind"])}
        error={errors.kind}
        options={[
          { value: "embedded", label: t("backends.embedded") },
          { value: "nacos", label: t("backends.nacos") },
        ]}
      />
      {kind === "nacos" && (
        <>
          <TextField
            name="address"
            type="url"
            label={t("backends.nacosAddress")}
            defaultValue={nacos?.address ?? ""}
            hint={t("backends.nacosAddressHint")}
            error={errors.address}
            autoFocus
          />
          <TextField
            name="username"
            label={t("backends.username")}
            defaultValue={nacos?.username ?? ""}
            autoComplete="off"
            error={errors.username}
          />
          <TextField
            name="password"
            type="password"
            label={t("backends.password")}
            autoComplete="new-password"
            hint={nacos?.hasPassword ? t("backends.passwordKept") : undefined}
            error={errors.password}
          />
          {nacos?.hasPassword && (
            <div className="flex items-center gap-2">
              <input id="field-clearPassword" name="clearPassword" type="checkbox" />
              <Label htmlFor="field-clearPassword">{t("backends.clearPassword")}</Label>
            </div>
          )}
        </>
      )}
      <p className="text-xs text-muted-foreground">{t("backends.notCopied")}</p>
    </>
  );
}

/** Facet's own config store or an external Nacos for a cluster; Facet checks a Nacos before saving. */
export function ConfigBackendDialog({ cluster, current }: { cluster: string; current: ConfigBackendDto }) {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("backends.editConfig")}
      trigger={t("backends.editConfig")}
      triggerVariant="outline"
      operation="setClusterConfigBackend"
      schema={ConfigBackendInput}
      messages={{ address: t("backends.addressInvalid") }}
      toBody={toBody}
      toInput={(body) => ({ params: { cluster }, body })}
    >
      {(errors) => <Fields current={current} errors={errors} />}
    </FormDialog>
  );
}
