"use client";

import { FormDialog, type FieldErrors } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { NamespacePolicyInput, type NamespacePolicyDto } from "@/lib/clusters/namespace-policy/schemas";
import { POD_SECURITY_LEVELS } from "@/lib/pod-security/levels";
import { namespacePolicyBody, tenantLines, TYPES } from "./namespace-policy-body";

const MODES = ["enforce", "warn", "audit"] as const;
const AREA = "w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs";

function ListField({
  name,
  label,
  hint,
  value,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className={AREA}
      />
    </Field>
  );
}

function Levels({
  prefix,
  legend,
  current,
  inherit,
}: {
  prefix: string;
  legend: string;
  current: Partial<Record<(typeof MODES)[number], string>> | undefined;
  inherit: boolean;
}) {
  const { t } = useI18n();
  const options = [
    ...(inherit ? [{ value: "inherit", label: t("nsPolicy.inherit") }] : []),
    ...POD_SECURITY_LEVELS.map((l) => ({ value: l, label: l })),
  ];
  return (
    <fieldset className="grid grid-cols-3 gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {MODES.map((m) => (
        <SelectField
          key={m}
          name={`${prefix}.${m}`}
          label={t(`nsPolicy.${m}`)}
          defaultValue={current?.[m] ?? "inherit"}
          options={options}
        />
      ))}
    </fieldset>
  );
}

function Fields({ current, errors }: { current: NamespacePolicyDto; errors: FieldErrors }) {
  const { t } = useI18n();
  const ps = current.podSecurity;
  const defaults = { enforce: "baseline", warn: "restricted", audit: "restricted", ...ps.default };
  const firstError = (prefix: string) =>
    Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  return (
    <>
      <ListField
        name="adoptable"
        label={t("nsPolicy.adoptable")}
        hint={t("nsPolicy.adoptableHint")}
        value={current.adoptable.join("\n")}
        error={firstError("adoptable")}
      />
      <ListField
        name="reserved"
        label={t("nsPolicy.reserved")}
        hint={t("nsPolicy.reservedHint", { builtin: current.builtinReserved.join(", ") })}
        value={current.reserved.join("\n")}
        error={firstError("reserved")}
      />
      <Levels prefix="default" legend={t("nsPolicy.defaultLevels")} current={defaults} inherit={false} />
      {TYPES.map((type) => (
        <Levels
          key={type}
          prefix={`types.${type}`}
          legend={t("nsPolicy.typeLevels", { type })}
          current={ps.types[type]}
          inherit
        />
      ))}
      <ListField
        name="tenants"
        label={t("nsPolicy.tenantLevels")}
        hint={t("nsPolicy.tenantLevelsHint")}
        value={tenantLines(ps.tenants)}
        error={firstError("podSecurity")}
      />
    </>
  );
}

/** A sysadmin's namespace rules for one cluster: what may be adopted, what never, and Pod Security levels. */
export function NamespacePolicyDialog({ cluster, current }: { cluster: string; current: NamespacePolicyDto }) {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("nsPolicy.edit")}
      trigger={t("nsPolicy.edit")}
      triggerVariant="outline"
      operation="setNamespacePolicy"
      schema={NamespacePolicyInput}
      toBody={namespacePolicyBody}
      toInput={(body) => ({ params: { cluster }, body })}
    >
      {(errors) => <Fields current={current} errors={errors} />}
    </FormDialog>
  );
}
