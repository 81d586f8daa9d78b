import type { Metadata } from "next";
import Link from "next/link";
import { ProblemPanel } from "@/components/console/problem-panel";
import { CreateTenantDialog } from "@/components/tenancy/create-tenant-dialog";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { consoleContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { consolePath } from "@/lib/console/paths";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await consoleContext();
  const { q } = await searchParams;
  const [{ t }, result] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listTenants", { query: { limit: "200", ...(q && { q }) } }),
  ]);
  const sysadmin = ctx.actor.systemRole === "sysadmin";
  return (
    <>
      <PageHeader
        title={t("tenants.title")}
        description={t("tenants.description")}
        actions={sysadmin && <CreateTenantDialog />}
      />
      {!result.ok ? (
        <ProblemPanel problem={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t("tenants.empty")} hint={sysadmin ? t("tenants.emptyHintAdmin") : t("tenants.emptyHint")} />
      ) : (
        <Table aria-label={t("tenants.title")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("common.description")}</Th>
              <Th>{t("tenants.myRole")}</Th>
            </tr>
          </THead>
          <TBody>
            {result.data.items.map((tenant) => (
              <tr key={tenant.name}>
                <Td>
                  <Link className="font-medium text-primary hover:underline" href={consolePath.tenant(tenant.name)}>
                    {tenant.name}
                  </Link>
                </Td>
                <Td className="text-muted-foreground">{tenant.description}</Td>
                <Td>
                  {tenant.myRole ? (
                    <Badge>{t(`role.tenant.${tenant.myRole}`)}</Badge>
                  ) : (
                    sysadmin && <Badge tone="ok">{t("role.sysadmin")}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
