import type { Metadata } from "next";
import { AccountCard } from "@/components/overview/account-card";
import { ApiAccessCard } from "@/components/overview/api-access-card";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, publicOrigin } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { getMe } from "@/lib/users";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await consoleContext();
  const [me, { t, locale }, origin] = await Promise.all([
    getMe({ ctx, input: undefined }),
    getTranslate(),
    publicOrigin(),
  ]);
  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.welcome", { name: me.displayName || me.username })}
      />
      <OverviewDashboard />
      <div className="mt-6 grid min-w-0 gap-6 lg:grid-cols-2">
        <AccountCard me={me} t={t} locale={locale} />
        <ApiAccessCard origin={origin} username={me.username} t={t} />
      </div>
    </>
  );
}
