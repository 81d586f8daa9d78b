"use client";

import { useSearchParams } from "next/navigation";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A labelled text input of a search form, filled from the same-named parameter of the URL
 *  (so a shared link shows the search it ran). */
export function QueryInput({
  id,
  name,
  label,
  placeholder,
  className,
}: {
  id: string;
  name: string;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const params = useSearchParams();
  return (
    <Field id={id} label={label}>
      <Input
        id={id}
        name={name}
        placeholder={placeholder}
        defaultValue={params.get(name) ?? ""}
        className={className}
      />
    </Field>
  );
}
