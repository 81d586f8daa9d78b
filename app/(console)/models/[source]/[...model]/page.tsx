import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModelDetail } from "@/components/models/catalog/model-detail";
import { consoleContext } from "@/lib/console/page";
import { AppError } from "@/lib/errors";
import { getCatalogModel } from "@/lib/models/catalog/get-catalog-model";
import { getModelSource } from "@/lib/models/catalog/get-model-source";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ source: string; model: string[] }> }) {
  const ctx = await consoleContext();
  const { source, model } = await params;
  const id = model.map(decodeURIComponent).join("/");
  // The verbs authorize and hide unpublished models as the API does; a miss is the not-found page.
  const found = await Promise.all([
    getModelSource({ ctx, input: { source } }),
    getCatalogModel({ ctx, input: { source, model: id } }),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const registry = found[0].kind === "modelx" && found[0].url === null;
  return (
    <ModelDetail
      source={source}
      model={id}
      registry={registry}
      sysadmin={ctx.actor.systemRole === "sysadmin"}
      me={ctx.actor.username}
    />
  );
}
