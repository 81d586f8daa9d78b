import { ProblemPanel } from "@/components/console/problem-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { loadOperation, sysadminContext } from "@/lib/console/page";
import type { Problem } from "@/lib/http/problem";
import { getTranslate } from "@/lib/i18n/server";
import { ConfigBackendDialog } from "./config-backend-dialog";
import { TelemetryBackendsDialog } from "./telemetry-backends-dialog";

const SIGNALS = [
  { kind: "prometheus", label: "backends.metrics", product: "Prometheus" },
  { kind: "loki", label: "backends.logs", product: "Loki" },
  { kind: "jaeger", label: "backends.traces", product: "Jaeger" },
] as const;

const Failed = ({ problem }: { problem: Problem }) => (
  <div className="mt-6">
    <ProblemPanel problem={problem} />
  </div>
);

/** Which store serves a cluster's metrics, logs, traces and configs, and the forms that change them. */
export async function ClusterBackendsCard({ cluster }: { cluster: string }) {
  const ctx = await sysadminContext();
  const input = { params: { cluster } };
  const [{ t }, telemetry, config] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getTelemetryBackends", input),
    loadOperation(ctx, "getClusterConfigBackend", input),
  ]);
  if (!telemetry.ok) return <Failed problem={telemetry.error} />;
  if (!config.ok) return <Failed problem={config.error} />;
  const embedded = <Badge>{t("backends.embedded")}</Badge>;
  const external = (product: string, url: string) => (
    <>
      {product} <code className="ml-1 break-all font-mono text-xs">{url}</code>
    </>
  );
  const rows = [
    ...SIGNALS.map((s) => {
      const b = telemetry.data.backends.find((x) => x.kind === s.kind);
      return { label: t(s.label), servedBy: b ? external(s.product, b.url) : embedded };
    }),
    {
      label: t("backends.configs"),
      servedBy: config.data.kind === "nacos" ? external("Nacos", config.data.address) : embedded,
    },
  ];
  return (
    <Card aria-labelledby="cluster-backends" className="mt-6">
      <div className="mb-3 flex items-center justify-between gap-2">
        <div>
          <CardTitle id="cluster-backends" className="mb-0">
            {t("backends.title")}
          </CardTitle>
          <p className="text-xs text-muted-foreground">{t("backends.description")}</p>
        </div>
        <div className="flex gap-2">
          <TelemetryBackendsDialog cluster={cluster} backends={telemetry.data.backends} />
          <ConfigBackendDialog cluster={cluster} current={config.data} />
        </div>
      </div>
      <KeyValueTable
        label={t("backends.title")}
        headers={[t("backends.signal"), t("backends.servedBy")]}
        rows={rows.map((r) => ({ label: r.label, value: r.servedBy }))}
      />
    </Card>
  );
}
