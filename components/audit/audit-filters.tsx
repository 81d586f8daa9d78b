"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

/** A GET form: the filters live in the URL, so a filtered view can be shared. */
export function AuditFilters({
  values,
  tenants,
  allowAll,
}: {
  values: Record<string, string | undefined>;
  tenants: string[];
  allowAll: boolean;
}) {
  const { t } = useI18n();
  return (
    <form
      method="get"
      role="search"
      aria-label={t("audit.filters")}
      className="grid gap-3 rounded-lg border bg-card p-4 md:grid-cols-6"
    >
      <Field id="audit-tenant" label={t("audit.tenant")}>
        <NativeSelect id="audit-tenant" name="tenant" defaultValue={values.tenant ?? ""}>
          {allowAll && <option value="">{t("audit.allTenants")}</option>}
          {tenants.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="audit-actor" label={t("audit.actor")}>
        <Input id="audit-actor" name="actor" defaultValue={values.actor} />
      </Field>
      <Field id="audit-action" label={t("audit.action")}>
        <Input id="audit-action" name="action" defaultValue={values.action} placeholder="applications." />
      </Field>
      <Field id="audit-from" label={t("audit.from")}>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from} />
      </Field>
      <Field id="audit-to" label={t("audit.to")}>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" className="w-full">
          {t("audit.apply")}
        </Button>
      </div>
    </form>
  );
}
