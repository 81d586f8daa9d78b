import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

const TONES = {
  neutral: "bg-muted text-foreground",
  dev: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  test: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  prod: "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100",
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  bad: "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100",
} as const;

export function Badge({
  tone = "neutral",
  className,
  ...props
}: ComponentProps<"span"> & { tone?: keyof typeof TONES }) {
  return (
    <span
      className={cn("inline-flex items-center rounded px-2 py-0.5 text-xs font-medium", TONES[tone], className)}
      {...props}
    />
  );
}
