"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Label } from "@/components/ui/label";

/** The NetworkPolicy switch, the same on tenant, project and environment forms. */
export function IsolationCheckbox({ defaultChecked }: { defaultChecked: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-2">
      <input id="field-networkIsolation" name="networkIsolation" type="checkbox" defaultChecked={defaultChecked} />
      <Label htmlFor="field-networkIsolation">{t("environments.isolationHint")}</Label>
    </div>
  );
}
