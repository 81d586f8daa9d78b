"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Th } from "@/components/ui/table";

/** The header of a row-actions column: named for screen readers, blank on screen. */
export function ActionsHeader() {
  const { t } = useI18n();
  return (
    // relative: the sr-only label stays inside the table's scroll frame, not the page's.
    <Th className="relative">
      <span className="sr-only">{t("common.actions")}</span>
    </Th>
  );
}
