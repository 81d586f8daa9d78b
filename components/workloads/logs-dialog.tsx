"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { fetchLogs, workloadKeys, type LogOptions, type Names } from "@/lib/workloads/queries";
import { LOG_SINCE, type LogSince } from "@/lib/workloads/schemas";
import { useLogFollow } from "./use-log-follow";

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

export function LogsDialog({ names, pod, containers }: { names: Names; pod: string; containers: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [container, setContainer] = useState(containers[0] ?? "");
  const [since, setSince] = useState<LogSince>("all");
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(false);
  const [run, setRun] = useState(0);
  const options: LogOptions = { container: container || undefined, since, timestamps };
  const snapshot = useQuery({
    queryKey: workloadKeys.logs(names, pod, options),
    queryFn: () => fetchLogs(names, pod, options),
    enabled: open && !follow,
  });
  const followed = useLogFollow(names, pod, options, open && follow, run);
  const text = follow ? followed.text : (snapshot.data ?? "");
  const error = follow ? followed.error : snapshot.error ? (snapshot.error as Error).message : null;
  const loading = follow ? followed.state === "following" && !text : snapshot.isPending;

  // Following keeps the newest line in view.
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (follow && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [text, follow]);

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
        <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
          {containers.length > 1 && (
            <div className="space-y-1">
              <Label htmlFor={`${id}-container`}>{t("workloads.container")}</Label>
              <NativeSelect id={`${id}-container`} value={container} onChange={(e) => setContainer(e.target.value)}>
                {containers.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </NativeSelect>
            </div>
          )}
          <div className="space-y-1">
            <Label htmlFor={`${id}-since`}>{t("workloads.logsSince")}</Label>
            <NativeSelect id={`${id}-since`} value={since} onChange={(e) => setSince(e.target.value as LogSince)}>
              {(Object.keys(LOG_SINCE) as LogSince[]).map((s) => (
                <option key={s} value={s}>
                  {s === "all" ? t("workloads.logsSinceAll") : t("workloads.logsSinceLast", { window: s })}
                </option>
              ))}
            </NativeSelect>
          </div>
          <label className="flex h-9 items-center gap-2">
            <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
            {t("workloads.logsTimestamps")}
          </label>
          <label className="flex h-9 items-center gap-2">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            {t("workloads.logsFollow")}
          </label>
          <Button
            size="sm"
            variant="outline"
            disabled={!text}
            onClick={() => download(text, `${pod}${container ? `-${container}` : ""}.log`)}
          >
            {t("workloads.logsDownload")}
          </Button>
        </div>
        {follow && (
          <p role="status" className="mb-2 text-xs text-muted-foreground">
            {followed.state === "following" && t("workloads.logsFollowing")}
            {followed.state === "ended" && (
              <>
                {t("workloads.logsFollowEnded")}{" "}
                <Button size="sm" variant="outline" onClick={() => setRun((n) => n + 1)}>
                  {t("workloads.logsFollowResume")}
                </Button>
              </>
            )}
          </p>
        )}
        {error ? (
          <Alert variant="destructive">{error}</Alert>
        ) : (
          <pre
            ref={pre}
            role="log"
            aria-live="polite"
            aria-label={t("workloads.logsOf", { pod })}
            className="max-h-[60vh] min-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-3 font-mono text-xs"
          >
            {loading ? t("common.loading") : text || t("workloads.logsEmpty")}
          </pre>
        )}
      </DialogContent>
    </Dialog>
  );
}
