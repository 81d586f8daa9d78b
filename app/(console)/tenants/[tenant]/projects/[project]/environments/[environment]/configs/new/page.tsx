import type { Metadata } from "next";
import { ConfigEditor } from "@/components/configs/config-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consolePath } from "@/lib/console/paths";

export const metadata: Metadata = { title: "New config" };

export default async function NewConfigPage({
  params,
}: {
  params: Promise<{ tenant: string; project: string; environment: string }>;
}) {
  const names = await params;
  const ctx = await consoleContext();
  await pageScope(ctx, "environment", names);
  const { t } = await getTranslate();
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(
          t("tenants.title"),
          names,
          { label: t("configs.title"), href: consolePath.configs(names) },
          { label: t("configs.new") },
        )}
      />
      <PageHeader title={t("configs.new")} />
      <ConfigEditor names={names} config={null} canWrite />
    </>
  );
}
