"use client";

import { useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { OperationName } from "@/lib/console/registry";
import type { ActionInput } from "@/lib/http/action";
import { ProblemAlert } from "./problem-alert";
import { useOperation } from "./use-operation";

/** The one destructive confirmation: the user types the name before the delete runs. */
export function ConfirmDelete({
  operation,
  input,
  name,
  kind,
  consequences,
  onDeleted,
  triggerLabel,
  actionLabel,
}: {
  operation: OperationName;
  input: ActionInput;
  name: string;
  kind: string;
  consequences?: ReactNode;
  onDeleted?: () => void;
  triggerLabel?: string;
  /** Visible label of the trigger (default "Delete"). */
  actionLabel?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { run, pending, problem, reset } = useOperation(operation);
  const title = t("confirm.deleteTitle", { kind, name });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setTyped("");
        reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="destructive" size="sm" aria-label={triggerLabel ?? title}>
          {actionLabel ?? t("common.delete")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} description={t("confirm.cannotUndo")}>
        {consequences && <div className="mb-4 text-sm">{consequences}</div>}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (typed !== name) return;
            if (await run(input)) {
              setOpen(false);
              onDeleted?.();
            }
          }}
          className="space-y-4"
        >
          <ProblemAlert problem={problem} />
          <Field id="confirm-name" label={t("confirm.typeName", { name })}>
            <Input id="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Field>
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={typed !== name || pending}>
              {pending ? t("common.working") : t("confirm.deleteForever", { kind })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
