"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteItem, loggingKeys, type LoggingKind, type LoggingScope } from "./api";

/** The console's typed-name confirmation, for a logging object deleted through the API. */
export function DeleteLoggingObject({ scope, kind, name }: { scope: LoggingScope; kind: LoggingKind; name: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () => deleteItem(scope, kind, name),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: loggingKeys.all(scope) });
    },
  });
  const title = t("confirm.deleteTitle", { kind, name });
  const id = `confirm-${kind}-${name}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setTyped("");
        remove.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="destructive" size="sm" aria-label={title}>
          {t("common.delete")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} description={t("confirm.cannotUndo")}>
        <p className="mb-4 text-sm">
          {kind.endsWith("Flow") ? t("logging.deleteFlowConsequence") : t("logging.deleteOutputConsequence")}
        </p>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === name) remove.mutate();
          }}
        >
          {remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
          <Field id={id} label={t("confirm.typeName", { name })}>
            <Input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Field>
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={typed !== name || remove.isPending}>
              {remove.isPending ? t("common.working") : t("confirm.deleteForever", { kind })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
