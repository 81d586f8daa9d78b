"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/console/confirm-delete-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { deleteItem, loggingKeys, type LoggingKind, type LoggingScope } from "./api";

/** The console's typed-name confirmation, for a logging object deleted through the API. */
export function DeleteLoggingObject({ scope, kind, name }: { scope: LoggingScope; kind: LoggingKind; name: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteItem(scope, kind, name),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: loggingKeys.all(scope) });
    },
  });
  return (
    <ConfirmDeleteDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        remove.reset();
      }}
      name={name}
      kind={kind}
      consequences={kind.endsWith("Flow") ? t("logging.deleteFlowConsequence") : t("logging.deleteOutputConsequence")}
      pending={remove.isPending}
      error={remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
      onConfirm={() => remove.mutate()}
      inputId={`confirm-${kind}-${name}`}
    />
  );
}
