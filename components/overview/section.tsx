import type { ReactNode } from "react";
import { Card, CardTitle } from "@/components/ui/card";

/** A dashboard card: a titled region whose heading names it for assistive technology. */
export function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className="min-w-0">
      <CardTitle id={id}>{title}</CardTitle>
      {hint && <p className="-mt-2 mb-3 text-sm text-muted-foreground">{hint}</p>}
      {children}
    </Card>
  );
}
