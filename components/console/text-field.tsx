import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComponentProps } from "react";

/** A labelled input whose error is announced and tied to it. */
export function TextField({
  name,
  label,
  error,
  hint,
  ...props
}: { name: string; label: string; error?: string; hint?: string } & ComponentProps<"input">) {
  const id = `field-${name.replace(/\./g, "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Input
        id={id}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...props}
      />
    </Field>
  );
}
