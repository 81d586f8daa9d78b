import type { Metadata } from "next";
import { SandboxCredentialsPanel } from "@/components/account/sandbox-credentials-panel";
import { TokensPanel } from "@/components/account/tokens-panel";
import { ProblemPanel } from "@/components/console/problem-panel";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, loadOperation, publicOrigin } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const ctx = await consoleContext();
  const [{ t }, result, sandbox, origin] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listMyTokens"),
    loadOperation(ctx, "listMySandboxCredentials", { query: {} }),
    publicOrigin(),
  ]);
  return (
    <>
      <PageHeader title={t("tokens.title")} description={t("tokens.description")} />
      {result.ok ? <TokensPanel tokens={result.data.items} origin={origin} /> : <ProblemPanel problem={result.error} />}
      <div className="mt-6">
        {sandbox.ok ? (
          <SandboxCredentialsPanel credentials={sandbox.data.items} />
        ) : (
          <ProblemPanel problem={sandbox.error} />
        )}
      </div>
    </>
  );
}
