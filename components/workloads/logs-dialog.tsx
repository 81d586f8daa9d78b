"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { fetchLogs, workloadKeys, type Names } from "@/lib/workloads/queries";

export function LogsDialog({ names, pod }: { names: Names; pod: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const logs = useQuery({
    queryKey: workloadKeys.logs(names, pod),
    queryFn: () => fetchLogs(names, pod),
    enabled: open,
    refetchInterval: open ? 3000 : false,
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={t("workloads.logsOf", { pod })}>
          {t("workloads.logs")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("workloads.logsOf", { pod })}
        closeLabel={t("common.close")}
        className="w-[min(60rem,95vw)]"
      >
        {logs.error ? (
          <Alert variant="destructive">{(logs.error as Error).message}</Alert>
        ) : (
          <pre
            role="log"
            aria-live="polite"
            className="max-h-[60vh] overflow-auto rounded bg-muted p-3 font-mono text-xs"
          >
            {logs.data ?? t("common.loading")}
          </pre>
        )}
      </DialogContent>
    </Dialog>
  );
}
