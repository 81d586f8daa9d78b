"use client";

import { useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * The one destructive confirmation: the user types the name before onConfirm runs. The caller
 * runs the delete (server action or API) and so owns the open state and the error shown.
 */
export function ConfirmDeleteDialog({
  open,
  onOpenChange,
  name,
  kind,
  consequences,
  triggerLabel,
  actionLabel,
  pending,
  error,
  onConfirm,
  inputId = "confirm-name",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  kind: string;
  consequences?: ReactNode;
  triggerLabel?: string;
  /** Visible label of the trigger (default "Delete"). */
  actionLabel?: string;
  pending: boolean;
  error: ReactNode;
  onConfirm: () => void | Promise<void>;
  inputId?: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState("");
  const title = t("confirm.deleteTitle", { kind, name });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        setTyped("");
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
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === name) void onConfirm();
          }}
          className="space-y-4"
        >
          {error}
          <Field id={inputId} label={t("confirm.typeName", { name })}>
            <Input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
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
