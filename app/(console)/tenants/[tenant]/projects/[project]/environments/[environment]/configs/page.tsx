import type { Metadata } from "next";
import { ConfigList } from "@/components/configs/config-list";
import { SdkAccessPanel } from "@/components/configs/sdk-access-panel";
import { ProblemPanel } from "@/components/console/problem-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Configs" };

export default async function ConfigsPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const names = await params;
  const { q, cursor } = await searchParams;
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["configs.write", "configs.keys.update"] as const);
  const [{ t }, list, keys] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listConfigs", {
      params: names,
      query: { limit: "50", ...(q && { q }), ...(cursor && { cursor }) },
    }),
    loadOperation(ctx, "listConfigKeys", { params: names }),
  ]);
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), names, { label: t("configs.title") })}
      />
      <PageHeader title={t("configs.title")} description={t("configs.description")} />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        {list.ok ? (
          <ConfigList names={names} page={list.data} q={q ?? ""} canWrite={can["configs.write"]} />
        ) : (
          <ProblemPanel problem={list.error} />
        )}
        {keys.ok && (
          <div className="min-w-0">
            <SdkAccessPanel
              names={names}
              keys={keys.data.items}
              canManage={can["configs.keys.update"]}
              dataId={(list.ok && list.data.items[0]?.dataId) || "app.yaml"}
            />
          </div>
        )}
      </div>
    </>
  );
}
