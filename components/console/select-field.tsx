import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";

export function SelectField({
  name,
  label,
  error,
  options,
  ...props
}: {
  name: string;
  label: string;
  error?: string;
  options: { value: string; label: string }[];
} & ComponentProps<"select">) {
  const id = `field-${name.replace(/\./g, "-")}`;
  return (
    <Field id={id} label={label} error={error}>
      <NativeSelect id={id} name={name} aria-invalid={Boolean(error)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
