import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** An inline message; `destructive` is announced to screen readers at once. */
export function Alert({
  className,
  variant = "default",
  ...props
}: ComponentProps<"div"> & { variant?: "default" | "destructive" }) {
  return (
    <div
      role={variant === "destructive" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        variant === "destructive" ? "border-destructive/50 text-destructive" : "bg-muted",
        className,
      )}
      {...props}
    />
  );
}
