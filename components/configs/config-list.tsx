"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ConfigSummaryDto } from "@/lib/config-center/dto";
import type { EnvNames } from "@/lib/config-center/queries";
import { consolePath } from "@/lib/console/paths";

export function ConfigList({
  names,
  page,
  q,
  canWrite,
}: {
  names: EnvNames;
  page: { items: ConfigSummaryDto[]; total: number; nextCursor: string | null };
  q: string;
  canWrite: boolean;
}) {
  const { t, locale } = useI18n();
  const base = consolePath.configs(names);
  return (
    <Card aria-labelledby="config-list-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="config-list-title" className="text-base font-semibold">
          {t(page.total === 1 ? "configs.itemsOne" : "configs.items", { count: page.total })}
        </h2>
        <div className="flex flex-wrap gap-2">
          <form method="get" role="search" aria-label={t("configs.search")} className="flex gap-2">
            <Input
              name="q"
              defaultValue={q}
              aria-label={t("configs.search")}
              placeholder={t("configs.searchPlaceholder")}
              className="w-44 sm:w-56"
            />
            <Button type="submit" variant="outline" size="sm">
              {t("configs.search")}
            </Button>
          </form>
          {canWrite && (
            <Button asChild size="sm">
              <Link href={`${base}/new`}>{t("configs.new")}</Link>
            </Button>
          )}
        </div>
      </div>
      {page.items.length === 0 ? (
        <EmptyState
          title={q ? t("configs.noMatch") : t("configs.empty")}
          hint={canWrite ? t("configs.emptyHint") : undefined}
        />
      ) : (
        <Table aria-label={t("configs.title")}>
          <THead>
            <tr>
              <Th>Data ID</Th>
              <Th>{t("configs.type")}</Th>
              <Th>{t("configs.app")}</Th>
              <Th>{t("configs.updated")}</Th>
            </tr>
          </THead>
          <TBody>
            {page.items.map((c) => (
              <tr key={c.dataId}>
                <Td>
                  <Link href={consolePath.config(names, c.dataId)} className="font-mono text-primary hover:underline">
                    {c.dataId}
                  </Link>
                  {c.tags.map((tag) => (
                    <Badge key={tag} className="ml-2">
                      {tag}
                    </Badge>
                  ))}
                </Td>
                <Td>{c.type}</Td>
                <Td>{c.appName || "—"}</Td>
                <Td className="text-muted-foreground">
                  {c.updatedAt ? new Date(c.updatedAt).toLocaleString(locale) : "—"} · {c.updatedBy}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {page.nextCursor && (
        <div className="mt-3 text-right">
          <Link
            className="text-sm text-primary hover:underline"
            href={`?${new URLSearchParams({ ...(q && { q }), cursor: page.nextCursor })}`}
          >
            {t("configs.more")}
          </Link>
        </div>
      )}
    </Card>
  );
}
