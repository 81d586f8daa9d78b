import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** A native select: accessible, keyboard-friendly and labelled by its <Label htmlFor>. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-background px-3 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive",
        className,
      )}
      {...props}
    />
  );
}
