"use client";

import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { EnvironmentDto } from "@/lib/tenancy/dto";

/** Whether the cluster holds what the environment declares, and a way to make it so now. */
export function SyncCard({
  names,
  sync,
  canSync,
}: {
  names: Record<string, string>;
  sync: EnvironmentDto["sync"];
  canSync: boolean;
}) {
  const { t } = useI18n();
  const { run, pending, problem } = useOperation("syncEnvironment");
  const tone = sync.status === "synced" ? "ok" : sync.status === "error" ? "bad" : "neutral";
  return (
    <Card aria-labelledby="environment-sync">
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-2">
          <CardTitle id="environment-sync" className="mb-0">
            {t("environments.sync")}
          </CardTitle>
          <Badge tone={tone}>{t(`sync.${sync.status}`)}</Badge>
        </div>
        {canSync && (
          <Button size="sm" variant="outline" disabled={pending} onClick={() => run({ params: names })}>
            {pending ? t("common.working") : t("sync.now")}
          </Button>
        )}
      </div>
      <p className="mt-2 text-sm text-muted-foreground">
        {sync.at ? t("sync.lastAt", { at: new Date(sync.at).toLocaleString() }) : t("sync.never")}
      </p>
      {sync.error && (
        <Alert variant="destructive" className="mt-2">
          {sync.error}
        </Alert>
      )}
      <div className="mt-2">
        <ProblemAlert problem={problem} />
      </div>
    </Card>
  );
}
