import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProblemPanel } from "@/components/console/problem-panel";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await consoleContext();
  if (ctx.actor.systemRole !== "sysadmin") notFound();
  const { q } = await searchParams;
  const [{ t }, result] = await Promise.all([getTranslate(), loadOperation(ctx, "listUsers", { query: { limit: "200", ...(q && { q }) } })]);
  return (
    <>
      <PageHeader title={t("users.title")} description={t("users.description")} actions={<CreateUserDialog />} />
      {result.ok ? <UsersTable users={result.data.items} me={ctx.actor.username} /> : <ProblemPanel problem={result.error} />}
    </>
  );
}
