import type { Metadata } from "next";
import { Suspense } from "react";
import { CatalogBrowser } from "@/components/models/catalog/catalog-browser";
import { PageHeader } from "@/components/ui/page-header";
import { consoleContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const ctx = await consoleContext();
  const { t } = await getTranslate();
  return (
    <>
      <PageHeader title={t("models.catalog.title")} description={t("models.catalog.description")} />
      {/* useSearchParams needs a Suspense boundary in a prerendered route. */}
      <Suspense>
        <CatalogBrowser defaultSource="facet" sysadmin={ctx.actor.systemRole === "sysadmin"} />
      </Suspense>
    </>
  );
}
