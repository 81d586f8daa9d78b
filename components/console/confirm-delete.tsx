"use client";

import { useState, type ReactNode } from "react";
import type { OperationName } from "@/lib/console/registry";
import type { ActionInput } from "@/lib/http/action";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { ProblemAlert } from "./problem-alert";
import { useOperation } from "./use-operation";

/** The typed-name confirmation for a delete that runs as a console operation (server action). */
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
  const [open, setOpen] = useState(false);
  const { run, pending, problem, reset } = useOperation(operation);
  return (
    <ConfirmDeleteDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        reset();
      }}
      name={name}
      kind={kind}
      consequences={consequences}
      triggerLabel={triggerLabel}
      actionLabel={actionLabel}
      pending={pending}
      error={<ProblemAlert problem={problem} />}
      onConfirm={async () => {
        if (await run(input)) {
          setOpen(false);
          onDeleted?.();
        }
      }}
    />
  );
}
