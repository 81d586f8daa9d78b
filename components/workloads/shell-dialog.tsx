"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { apiPath } from "@/lib/console/paths";
import type { Names } from "@/lib/workloads/queries";

// xterm.js is heavy: loaded only when a shell opens.
const Terminal = dynamic(() => import("./terminal"), { ssr: false });

function execUrl(names: Names, pod: string, container: string): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const query = new URLSearchParams({ container, command: "sh" });
  return `${scheme}://${window.location.host}${apiPath.environment(names)}/pods/${encodeURIComponent(pod)}/exec?${query}`;
}

/** A shell in one of the pod's containers; shown only to those who may exec (environment writers). */
export function ShellDialog({ names, pod, containers }: { names: Names; pod: string; containers: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [container, setContainer] = useState(containers[0] ?? "");
  // Each open (or container change) is a new session.
  const [session, setSession] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setSession((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={t("workloads.shellOf", { pod })}>
          {t("workloads.shell")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("workloads.shellOf", { pod })}
        closeLabel={t("common.close")}
        className="w-[min(60rem,95vw)]"
      >
        {containers.length > 1 && (
          <div className="mb-3 space-y-1 text-sm">
            <Label htmlFor={`${id}-container`}>{t("workloads.container")}</Label>
            <NativeSelect
              id={`${id}-container`}
              value={container}
              onChange={(e) => {
                setContainer(e.target.value);
                setSession((n) => n + 1);
              }}
            >
              {containers.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          </div>
        )}
        <p className="mb-2 text-xs text-muted-foreground">{t("workloads.shellAudited")}</p>
        {open && (
          <Terminal key={session} url={execUrl(names, pod, container)} label={t("workloads.terminalOf", { pod })} />
        )}
      </DialogContent>
    </Dialog>
  );
}
