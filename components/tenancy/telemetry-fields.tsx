"use client";

import { useState } from "react";
import type { FieldErrors } from "@/components/console/form-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import type { ApplicationDto } from "@/lib/tenancy/dto";

type AppTelemetry = NonNullable<ApplicationDto["telemetry"]>;
import { OTEL_PROPAGATORS, OTEL_SAMPLERS, RATIO_SAMPLERS } from "@/lib/tenancy/schemas";

const DEFAULT_PROPAGATORS = ["tracecontext", "baggage"];

/** The OpenTelemetry injection part of the application form (names read by telemetryFrom). */
export function TelemetryFields({ errors, value }: { errors: FieldErrors; value?: AppTelemetry | null }) {
  const { t } = useI18n();
  const [on, setOn] = useState(Boolean(value));
  const [sampler, setSampler] = useState(value?.sampler ?? "parentbased_always_on");
  const ratio = RATIO_SAMPLERS.includes(sampler);
  return (
    <fieldset className="space-y-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{t("applications.otel.title")}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="otel" checked={on} onChange={(e) => setOn(e.target.checked)} />
        {t("applications.otel.inject")}
      </label>
      <p className="text-xs text-muted-foreground">{t("applications.otel.hint")}</p>
      {on && (
        <>
          <Field id="field-otel-sampler" label={t("applications.otel.sampler")} error={errors["telemetry.sampler"]}>
            <NativeSelect
              id="field-otel-sampler"
              name="otelSampler"
              value={sampler}
              onChange={(e) => setSampler(e.target.value)}
            >
              {OTEL_SAMPLERS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {ratio && (
            <Field
              id="field-otel-ratio"
              label={t("applications.otel.ratio")}
              error={errors["telemetry.samplerArg"]}
              hint={t("applications.otel.ratioHint")}
            >
              <input
                id="field-otel-ratio"
                name="otelRatio"
                type="number"
                min={0}
                max={1}
                step="any"
                defaultValue={value?.samplerArg ?? 1}
                aria-invalid={Boolean(errors["telemetry.samplerArg"])}
                className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm"
              />
            </Field>
          )}
          <fieldset aria-describedby={errors["telemetry.propagators"] ? "otel-propagators-error" : undefined}>
            <legend className="text-sm font-medium">{t("applications.otel.propagators")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {OTEL_PROPAGATORS.map((p) => (
                <label key={p} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    name="otelPropagators"
                    value={p}
                    defaultChecked={(value?.propagators ?? DEFAULT_PROPAGATORS).includes(p)}
                  />
                  {p}
                </label>
              ))}
            </div>
            {errors["telemetry.propagators"] && (
              <p id="otel-propagators-error" className="mt-1 text-xs text-destructive">
                {errors["telemetry.propagators"]}
              </p>
            )}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

/** The form's telemetry as the API takes it: null switches injection off. */
export function telemetryFrom(f: FormData) {
  if (!f.get("otel")) return null;
  const sampler = String(f.get("otelSampler") ?? "parentbased_always_on");
  return {
    sampler,
    samplerArg: RATIO_SAMPLERS.includes(sampler) ? Number(f.get("otelRatio") ?? 1) : null,
    propagators: f.getAll("otelPropagators").map(String),
  };
}
