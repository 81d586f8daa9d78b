"use client";

import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UsageBar } from "@/components/ui/usage-bar";
import { formatCores, formatMemory } from "@/lib/usage/format";
import type { NodeView } from "@/lib/usage/schemas";

/** Conditions other than Ready are healthy when False (no pressure). */
const healthy = (type: string, status: string) => (type === "Ready" ? status === "True" : status === "False");

function NodeBars({ node }: { node: NodeView }) {
  const { t } = useI18n();
  const a = node.allocatable;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {node.usage && (
        <>
          <UsageBar
            label={t("usage.cpuUsed")}
            used={node.usage.cpuMilli ?? 0}
            limit={a.cpuMilli ?? 0}
            usedText={formatCores(node.usage.cpuMilli)}
            limitText={formatCores(a.cpuMilli)}
          />
          <UsageBar
            label={t("usage.memoryUsed")}
            used={node.usage.memoryBytes ?? 0}
            limit={a.memoryBytes ?? 0}
            usedText={formatMemory(node.usage.memoryBytes)}
            limitText={formatMemory(a.memoryBytes)}
          />
        </>
      )}
      <UsageBar
        label={t("usage.cpuRequested")}
        used={node.requests.cpuMilli ?? 0}
        limit={a.cpuMilli ?? 0}
        usedText={formatCores(node.requests.cpuMilli ?? 0)}
        limitText={formatCores(a.cpuMilli)}
      />
      <UsageBar
        label={t("usage.memoryRequested")}
        used={node.requests.memoryBytes ?? 0}
        limit={a.memoryBytes ?? 0}
        usedText={formatMemory(node.requests.memoryBytes ?? 0)}
        limitText={formatMemory(a.memoryBytes)}
      />
      <UsageBar
        label={t("nodes.pods")}
        used={node.podCount}
        limit={a.pods ?? 0}
        usedText={String(node.podCount)}
        limitText={String(a.pods ?? "—")}
      />
    </div>
  );
}

/** One node: state, usage bars, capacity, conditions and taints; sysadmins cordon or uncordon it. */
export function NodeCard({
  cluster,
  node,
  canCordon,
  onChanged,
}: {
  cluster: string;
  node: NodeView;
  canCordon: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const cordon = useOperation(node.unschedulable ? "uncordonNode" : "cordonNode");
  const headingId = `node-${node.name}`;
  const toggle = () => cordon.run({ params: { cluster, node: node.name } }, onChanged);
  return (
    <Card aria-labelledby={headingId}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h2 id={headingId} className="truncate font-mono text-base font-semibold">
            {node.name}
          </h2>
          <Badge tone={node.ready ? "ok" : "bad"}>{node.ready ? t("nodes.ready") : t("nodes.notReady")}</Badge>
          {node.unschedulable && <Badge tone="warn">{t("nodes.cordoned")}</Badge>}
          {node.roles.map((r) => (
            <Badge key={r}>{r}</Badge>
          ))}
        </div>
        {canCordon && (
          <Button
            size="sm"
            variant="outline"
            disabled={cordon.pending}
            onClick={toggle}
            aria-label={t(node.unschedulable ? "nodes.uncordonNamed" : "nodes.cordonNamed", { node: node.name })}
            title={node.unschedulable ? undefined : t("nodes.cordonHint", { node: node.name })}
          >
            {cordon.pending ? t("common.working") : t(node.unschedulable ? "nodes.uncordon" : "nodes.cordon")}
          </Button>
        )}
      </div>
      <ProblemAlert problem={cordon.problem} />
      <NodeBars node={node} />
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted-foreground">{t("nodes.capacity")}</dt>
          <dd>
            {formatCores(node.capacity.cpuMilli)} CPU · {formatMemory(node.capacity.memoryBytes)} ·{" "}
            {node.capacity.pods ?? "—"} {t("nodes.pods")}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("nodes.allocatable")}</dt>
          <dd>
            {formatCores(node.allocatable.cpuMilli)} CPU · {formatMemory(node.allocatable.memoryBytes)} ·{" "}
            {node.allocatable.pods ?? "—"} {t("nodes.pods")}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("nodes.conditions")}</dt>
          <dd className="flex flex-wrap gap-1">
            {node.conditions.map((c) => (
              <Badge
                key={c.type}
                tone={healthy(c.type, c.status) ? "ok" : "bad"}
                title={c.message ?? undefined}
                className="max-w-full break-all"
              >
                {c.type}={c.status}
              </Badge>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("nodes.taints")}</dt>
          <dd className="flex flex-wrap gap-1 break-all">
            {node.taints.length === 0
              ? t("nodes.noTaints")
              : node.taints.map((taint) => (
                  <Badge key={`${taint.key}:${taint.effect}`} tone="warn" className="max-w-full break-all">
                    {taint.key}
                    {taint.value ? `=${taint.value}` : ""}:{taint.effect}
                  </Badge>
                ))}
          </dd>
        </div>
        {(node.kubeletVersion || node.internalIP) && (
          <div className="text-muted-foreground sm:col-span-2">
            {[node.internalIP, node.kubeletVersion && t("nodes.kubelet", { version: node.kubeletVersion })]
              .filter(Boolean)
              .join(" · ")}
          </div>
        )}
      </dl>
    </Card>
  );
}
