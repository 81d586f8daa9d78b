"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { ApplicationDto } from "@/lib/tenancy/dto";

type AppTelemetry = NonNullable<ApplicationDto["telemetry"]>;
import type { ShownEnvVar } from "@/lib/workloads/otel-env";

/** Whether an application is instrumented, and the variables Facet sets for it. */
export function InjectedEnv({
  app,
}: {
  app: { name: string; telemetry: AppTelemetry | null; injectedEnv: ShownEnvVar[] };
}) {
  const { t } = useI18n();
  if (!app.telemetry) return <span className="text-xs text-muted-foreground">{t("applications.otel.off")}</span>;
  return (
    <details>
      <summary className="cursor-pointer text-xs">
        <Badge tone="ok">{t("applications.otel.on")}</Badge> <span className="font-mono">{app.telemetry.sampler}</span>
      </summary>
      <dl
        aria-label={t("applications.otel.envOf", { name: app.name })}
        className="mt-2 grid max-w-[28rem] grid-cols-[auto_1fr] gap-x-2 gap-y-1 overflow-x-auto font-mono text-xs"
      >
        {app.injectedEnv.map((v) => (
          <div key={v.name} className="contents">
            <dt className="font-semibold">{v.name}</dt>
            <dd className="break-all">{v.value ?? <span className="text-muted-foreground">{v.from}</span>}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
