"use client";

import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import { consolePath } from "@/lib/console/paths";

/** Deleting an environment says first what goes with it. */
export function EnvironmentActions({
  names,
  canDelete,
  applications,
}: {
  names: { tenant: string; project: string; environment: string };
  canDelete: boolean;
  applications: string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  if (!canDelete) return null;
  return (
    <ConfirmDelete
      operation="deleteEnvironment"
      input={{ params: names }}
      name={names.environment}
      kind={t("environments.kind")}
      consequences={
        <div>
          <p>{t("environments.deleteGoes")}</p>
          <ul className="mt-1 list-disc pl-5">
            <li>
              {t("environments.deleteApps", { count: applications.length, names: applications.join(", ") || "—" })}
            </li>
            <li>{t("environments.deleteMembers")}</li>
            <li>{t("environments.deleteQuota")}</li>
          </ul>
        </div>
      }
      onDeleted={() => router.push(consolePath.project(names))}
    />
  );
}
