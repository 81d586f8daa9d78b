"use client";

import { useState, type ReactNode } from "react";
import type { ZodType } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { OperationName } from "@/lib/console/registry";
import type { ActionInput } from "@/lib/http/action";
import { ProblemAlert } from "./problem-alert";
import { fieldErrors, useOperation } from "./use-operation";

export type FieldErrors = Record<string, string>;

/**
 * A dialog with a form that runs one operation. The body is checked on the client with the
 * operation's own zod schema first (inline errors), then the server's answer is shown.
 */
export function FormDialog<B>({
  title,
  trigger,
  triggerLabel,
  triggerVariant = "default",
  operation,
  schema,
  toBody,
  toInput,
  messages = {},
  children,
  submitLabel,
  onSuccess,
  successToast,
}: {
  title: string;
  trigger: string;
  /** Accessible name when the visible label is not unique on the page ("Edit" → "Edit web"). */
  triggerLabel?: string;
  triggerVariant?: "default" | "outline" | "ghost";
  operation: OperationName;
  schema: ZodType<B>;
  toBody: (form: FormData) => unknown;
  toInput: (body: B) => ActionInput;
  /** Localized message per field path, shown instead of the schema's English one. */
  messages?: Record<string, string>;
  children: (errors: FieldErrors) => ReactNode;
  submitLabel?: string;
  onSuccess?: (data: unknown, body: B) => void;
  /** What a toast says once the operation succeeded. */
  successToast?: (body: B) => string;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { run, pending, problem, reset } = useOperation(operation);
  const errors = { ...fieldErrors(problem), ...clientErrors };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setClientErrors({});
        reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size="sm" aria-label={triggerLabel}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")}>
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const parsed = schema.safeParse(toBody(new FormData(event.currentTarget)));
            if (!parsed.success) {
              const found: FieldErrors = {};
              for (const issue of parsed.error.issues) {
                const path = issue.path.map(String).join(".");
                found[path] ??= messages[path] ?? issue.message;
              }
              setClientErrors(found);
              return;
            }
            setClientErrors({});
            const done = (data: unknown) => {
              if (successToast) toast({ title: successToast(parsed.data) });
              onSuccess?.(data, parsed.data);
            };
            if (await run(toInput(parsed.data), done)) setOpen(false);
          }}
        >
          {problem &&
            !(problem.code === "VALIDATION" || (problem.code === "BAD_REQUEST" && problem.errors?.length)) && (
              <ProblemAlert problem={problem} />
            )}
          {children(errors)}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.working") : (submitLabel ?? t("common.save"))}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
