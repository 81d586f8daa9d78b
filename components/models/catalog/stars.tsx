"use client";

import { Star } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/ui/cn";

/** A rating shown as five stars, with its number for screen readers. */
export function Stars({ value, className }: { value: number | null; className?: string }) {
  const { t } = useI18n();
  const v = value ?? 0;
  return (
    <span
      role="img"
      aria-label={value === null ? t("models.catalog.unrated") : t("models.catalog.ratingOf", { rating: v.toFixed(1) })}
      className={cn("inline-flex items-center", className)}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <Star
          key={n}
          aria-hidden
          className={cn("h-3.5 w-3.5", n <= Math.round(v) ? "fill-amber-400 text-amber-500" : "text-muted-foreground")}
        />
      ))}
    </span>
  );
}

/** Five radio buttons (arrow keys move between them, as a radio group does). */
export function StarInput({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{t("models.catalog.yourRating")}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="cursor-pointer">
          <input
            type="radio"
            name="rating"
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            className="peer sr-only"
            aria-label={t("models.catalog.stars", { n })}
          />
          <Star
            aria-hidden
            className={cn(
              "h-6 w-6 rounded peer-focus-visible:ring-2 peer-focus-visible:ring-ring",
              n <= value ? "fill-amber-400 text-amber-500" : "text-muted-foreground",
            )}
          />
        </label>
      ))}
    </fieldset>
  );
}
