"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { otlpExporterEnv } from "@/lib/telemetry/exporter-env";

export type RevealedIngestToken = { name: string; token: string; namespace: string | null };

/** The new token, shown this once, and the lines that point an OpenTelemetry SDK at Facet with it. */
export function IngestTokenReveal({
  created,
  origin,
  onDismiss,
}: {
  created: RevealedIngestToken;
  origin: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <Alert className="mb-3 space-y-2">
      <p className="font-medium">{t("ingestTokens.shownOnce", { name: created.name })}</p>
      <CodeBlock label={t("ingestTokens.token")} code={created.token} />
      <CodeBlock
        label={t("ingestTokens.exporterEnv")}
        code={otlpExporterEnv({ origin, token: created.token, namespace: created.namespace })}
      />
      {created.namespace === null && (
        <p className="text-xs text-muted-foreground">{t("ingestTokens.namespaceToFill")}</p>
      )}
      <div className="flex justify-end">
        <Button size="sm" variant="outline" onClick={onDismiss}>
          {t("ingestTokens.dismiss")}
        </Button>
      </div>
    </Alert>
  );
}
