import type { useI18n } from "@/components/i18n/i18n-provider";

type Translate = ReturnType<typeof useI18n>["t"];
const KNOWN = ["embedded", "prometheus", "loki", "jaeger"] as const;

/** A telemetry backend as people call it ("embedded" is Facet's own store, not jargon to show). */
export function backendName(t: Translate, backend: string): string {
  return (KNOWN as readonly string[]).includes(backend)
    ? t(`telemetry.backendName.${backend as (typeof KNOWN)[number]}`)
    : backend;
}
