"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { TelemetryBackendsInput, type TelemetryBackendsDto } from "@/lib/telemetry/schemas";

type Stored = TelemetryBackendsDto["backends"][number];
const KINDS = ["prometheus", "loki", "jaeger"] as const;
const LABELS = {
  prometheus: "backends.prometheusUrl",
  loki: "backends.lokiUrl",
  jaeger: "backends.jaegerUrl",
} as const;

/** What the form asks for one signal: nothing when its URL is unchanged (so stored credentials
 *  and labels stay), null for Facet's own store, else the new URL with the other settings kept. */
function change(url: string, stored: Stored | undefined) {
  if (url === (stored?.url ?? "")) return undefined;
  if (url === "") return null;
  return {
    url,
    username: stored?.username ?? undefined,
    orgId: stored?.orgId ?? undefined,
    namespaceLabel: stored?.namespaceLabel,
  };
}

/** The external Prometheus, Loki and Jaeger of a cluster; an empty URL is Facet's embedded store. */
export function TelemetryBackendsDialog({ cluster, backends }: { cluster: string; backends: Stored[] }) {
  const { t } = useI18n();
  const stored = (kind: (typeof KINDS)[number]) => backends.find((b) => b.kind === kind);
  return (
    <FormDialog
      title={t("backends.editTelemetry")}
      trigger={t("backends.editTelemetry")}
      triggerVariant="outline"
      operation="setTelemetryBackends"
      schema={TelemetryBackendsInput}
      messages={Object.fromEntries(KINDS.map((k) => [`${k}.url`, t("backends.urlInvalid")]))}
      toBody={(f) => Object.fromEntries(KINDS.map((k) => [k, change(String(f.get(k) ?? "").trim(), stored(k))]))}
      toInput={(body) => ({ params: { cluster }, body })}
    >
      {(errors) => (
        <>
          {KINDS.map((k, i) => (
            <TextField
              key={k}
              name={k}
              type="url"
              label={t(LABELS[k])}
              defaultValue={stored(k)?.url ?? ""}
              placeholder={t("backends.embedded")}
              hint={t("backends.urlHint")}
              error={errors[`${k}.url`] ?? errors[k]}
              autoFocus={i === 0}
            />
          ))}
        </>
      )}
    </FormDialog>
  );
}
