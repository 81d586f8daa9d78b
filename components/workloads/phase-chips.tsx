"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/ui/cn";

/** The pods' count per phase; choosing one lists only those pods (again: all of them). */
export function PhaseChips({
  counts,
  phase,
  onChoose,
}: {
  counts: Record<string, number>;
  phase: string | null;
  onChoose: (phase: string | null) => void;
}) {
  const { t } = useI18n();
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  const chips: [string | null, string, number][] = [
    [null, t("workloads.allPhases"), total],
    ...Object.entries(counts)
      .filter(([p, n]) => n > 0 || p === phase)
      .map(([p, n]): [string, string, number] => [p, p, n]),
  ];
  return (
    <div role="group" aria-label={t("workloads.podPhases")} className="mb-2 flex flex-wrap gap-2">
      {chips.map(([value, label, n]) => (
        <button
          key={label}
          type="button"
          aria-pressed={phase === value}
          onClick={() => onChoose(phase === value ? null : value)}
          className={cn(
            "rounded-full border px-3 py-0.5 text-xs",
            phase === value ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
          )}
        >
          {label} <span className="tabular-nums">{n}</span>
        </button>
      ))}
    </div>
  );
}
