import { cn } from "@/lib/ui/cn";

/** A labelled meter: used/limit with a colour that warns near the limit. */
export function UsageBar({
  label,
  used,
  limit,
  usedText,
  limitText,
}: {
  label: string;
  used: number;
  limit: number;
  usedText: string;
  limitText: string;
}) {
  const ratio = limit > 0 ? Math.min(1, used / limit) : used > 0 ? 1 : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-xs">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">
          {usedText} / {limitText}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        aria-valuetext={`${usedText} / ${limitText}`}
        className="h-2 rounded bg-muted"
      >
        <div
          className={cn("h-2 rounded", ratio >= 0.9 ? "bg-destructive" : ratio >= 0.7 ? "bg-amber-500" : "bg-primary")}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}
