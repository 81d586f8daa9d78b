import type { Metadata } from "next";
import { ConfigActions } from "@/components/configs/config-actions";
import { ConfigEditor } from "@/components/configs/config-editor";
import { ConfigHistory } from "@/components/configs/config-history";
import { ListenersCard } from "@/components/configs/listeners-card";
import { ProblemPanel } from "@/components/console/problem-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import type { ConfigType } from "@/lib/config-center/constants";
import { getTranslate } from "@/lib/i18n/server";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { consolePath } from "@/lib/console/paths";

type Params = { tenant: string; project: string; environment: string; dataId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).dataId) };
}

export default async function ConfigPage({ params }: { params: Promise<Params> }) {
  const raw = await params;
  const names = { tenant: raw.tenant, project: raw.project, environment: raw.environment };
  const dataId = decodeURIComponent(raw.dataId);
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["configs.write"] as const);
  const [{ t }, config, history] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getConfig", { params: { ...names, dataId } }),
    loadOperation(ctx, "listConfigHistory", { params: { ...names, dataId }, query: { limit: "100" } }),
  ]);
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(
          t("tenants.title"),
          names,
          { label: t("configs.title"), href: consolePath.configs(names) },
          { label: dataId },
        )}
      />
      <PageHeader
        title={dataId}
        description={config.ok ? `${config.data.type} · MD5 ${config.data.md5}` : undefined}
        actions={config.ok && can["configs.write"] && <ConfigActions names={names} dataId={dataId} />}
      />
      <div className="space-y-6">
        {config.ok ? (
          <ConfigEditor key={config.data.version} names={names} config={config.data} canWrite={can["configs.write"]} />
        ) : (
          <ProblemPanel problem={config.error} />
        )}
        {history.ok && (
          <ConfigHistory
            names={names}
            dataId={dataId}
            items={history.data.items}
            canWrite={can["configs.write"]}
            type={(config.ok ? config.data.type : "text") as ConfigType}
          />
        )}
        <ListenersCard names={names} dataId={dataId} />
      </div>
    </>
  );
}
