"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { workloadKeys, type Names } from "@/lib/workloads/queries";
import type { ListableResource } from "@/lib/workloads/resources";
import { KIND_TEMPLATES } from "./kind-templates";
import { YamlSubmitPanel } from "./yaml-submit-panel";

/** Create an object of one kind from YAML: the dry-run diff first, then the real create. */
export function CreateObjectDialog({
  names,
  resource,
  kindLabel,
  onCreated,
}: {
  names: Names;
  resource: ListableResource;
  kindLabel: string;
  onCreated: (name: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const title = t("kinds.createTitle", { kind: kindLabel });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" aria-label={title}>
          {t("kinds.create")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(64rem,95vw)]">
        {open && (
          <YamlSubmitPanel
            operation="createObject"
            params={{ ...names, resource }}
            label={t("kinds.editor")}
            path={`new-${resource}.yaml`}
            initial={KIND_TEMPLATES[resource]}
            applyLabel={t("kinds.apply")}
            onApplied={async (result) => {
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: workloadKeys.kinds(names) });
              onCreated(result.name ?? "");
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
