import type { Metadata } from "next";
import Link from "next/link";
import { ProblemPanel } from "@/components/console/problem-panel";
import { SearchForm } from "@/components/console/search-form";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { sysadminContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; cursor?: string }> }) {
  const ctx = await sysadminContext();
  const { q, cursor } = await searchParams;
  const [{ t }, result] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listUsers", { query: { limit: "100", ...(q && { q }), ...(cursor && { cursor }) } }),
  ]);
  return (
    <>
      <PageHeader title={t("users.title")} description={t("users.description")} actions={<CreateUserDialog />} />
      <SearchForm q={q ?? ""} label={t("users.search")} />
      {result.ok ? (
        <>
          <UsersTable users={result.data.items} me={ctx.actor.username} />
          {result.data.nextCursor && (
            <div className="mt-3 text-right">
              <Link
                className="text-sm text-primary hover:underline"
                href={`?${new URLSearchParams({ ...(q && { q }), cursor: result.data.nextCursor })}`}
              >
                {t("configs.more")}
              </Link>
            </div>
          )}
        </>
      ) : (
        <ProblemPanel problem={result.error} />
      )}
    </>
  );
}
