"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { RANGES } from "./time-range";

/** The time-window picker every telemetry view shares; uncontrolled in forms, or controlled. */
export function RangeField({
  id,
  value,
  defaultValue,
  onChange,
}: {
  id: string;
  value?: string;
  defaultValue?: string;
  onChange?: (range: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t("telemetry.range")}>
      <NativeSelect
        id={id}
        name="range"
        value={value}
        defaultValue={value === undefined ? (defaultValue ?? "1h") : undefined}
        onChange={onChange && ((e) => onChange(e.target.value))}
      >
        {Object.keys(RANGES).map((r) => (
          <option key={r} value={r}>
            {t("telemetry.last", { range: r })}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
