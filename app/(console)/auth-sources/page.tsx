import type { Metadata } from "next";
import { AuthSourcesTable } from "@/components/auth-sources/auth-sources-table";
import { NewLdapSource, NewOidcSource } from "@/components/auth-sources/new-source-dialogs";
import { ProblemPanel } from "@/components/console/problem-panel";
import { PageHeader } from "@/components/ui/page-header";
import { loadOperation, publicOrigin, sysadminContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Login sources" };

export default async function AuthSourcesPage() {
  const ctx = await sysadminContext();
  const [{ t }, result, origin] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listAuthSources"),
    publicOrigin(),
  ]);
  return (
    <>
      <PageHeader
        title={t("sources.title")}
        description={t("sources.description")}
        actions={
          <>
            <NewLdapSource />
            <NewOidcSource />
          </>
        }
      />
      {result.ok ? (
        <AuthSourcesTable sources={result.data.items} origin={origin} />
      ) : (
        <ProblemPanel problem={result.error} />
      )}
    </>
  );
}
