"use client";

import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { EnvNames } from "@/lib/config-center/queries";
import { consolePath } from "@/lib/console/paths";

export function ConfigActions({ names, dataId }: { names: EnvNames; dataId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <ConfirmDelete
      operation="deleteConfig"
      input={{ params: { ...names, dataId } }}
      name={dataId}
      kind={t("configs.kind")}
      onDeleted={() => router.push(consolePath.configs(names))}
    />
  );
}
