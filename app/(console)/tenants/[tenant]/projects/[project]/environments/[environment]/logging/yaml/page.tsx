import type { Metadata } from "next";
import Link from "next/link";
import { YamlEditorPanel } from "@/components/logging/yaml-editor-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { scopeCrumbs } from "@/lib/console/breadcrumbs";
import { allowed, consoleContext, loadOperation, pageScope } from "@/lib/console/page";
import { consolePath } from "@/lib/console/paths";
import { getTranslate } from "@/lib/i18n/server";

type Params = { tenant: string; project: string; environment: string };

export const metadata: Metadata = { title: "Logging YAML" };

export default async function LoggingYamlPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ kind?: string; name?: string }>;
}) {
  const names = await params;
  const { kind: rawKind, name } = await searchParams;
  const kind = rawKind === "output" ? "Output" : "Flow";
  const ctx = await consoleContext();
  const scope = await pageScope(ctx, "environment", names);
  const can = allowed(ctx, scope, ["logging.write"] as const);
  const [{ t }, detail] = await Promise.all([getTranslate(), loadOperation(ctx, "getEnvironment", { params: names })]);
  const back = consolePath.environmentView(names, "logging");
  const title = name ? t("logging.yaml.editTitle", { kind, name }) : t("logging.yaml.newTitle", { kind });
  return (
    <>
      <Breadcrumbs
        label={t("common.breadcrumbs")}
        items={scopeCrumbs(t("tenants.title"), names, { label: t("logging.title"), href: back }, { label: title })}
      />
      <PageHeader
        title={title}
        description={t("logging.yaml.description")}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={back}>{t("logging.back")}</Link>
          </Button>
        }
      />
      <YamlEditorPanel
        key={`${kind}/${name ?? ""}`}
        scope={{ level: "environment", names }}
        kind={kind}
        name={name || undefined}
        namespace={detail.ok ? detail.data.namespace : undefined}
        canWrite={can["logging.write"]}
      />
    </>
  );
}
