import type { Metadata } from "next";
import { TokensPanel } from "@/components/account/tokens-panel";
import { ProblemPanel } from "@/components/console/problem-panel";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, loadOperation } from "@/lib/console/page";
import { publicOrigin } from "@/lib/http/page-context";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const ctx = await consoleContext();
  const [{ t }, result, origin] = await Promise.all([getTranslate(), loadOperation(ctx, "listMyTokens"), publicOrigin()]);
  return (
    <>
      <PageHeader title={t("tokens.title")} description={t("tokens.description")} />
      {result.ok ? <TokensPanel tokens={result.data.items} origin={origin} /> : <ProblemPanel problem={result.error} />}
    </>
  );
}
