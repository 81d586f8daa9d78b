"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A GET search box: the query lives in the URL, so results can be shared and paged. */
export function SearchForm({ q, label }: { q: string; label: string }) {
  const { t } = useI18n();
  return (
    <form method="get" role="search" aria-label={label} className="mb-4 flex max-w-md gap-2">
      <Input name="q" defaultValue={q} aria-label={label} placeholder={label} />
      <Button type="submit" variant="outline">
        {t("configs.search")}
      </Button>
    </form>
  );
}
