"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Heart } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";
import {
  catalogApi,
  catalogKeys,
  catalogPagePath,
  type ModelDetail as Detail,
  type RegistryIndex,
  type RegistryManifest,
} from "./api";
import { DeployDialog } from "./deploy-dialog";
import { Markdown } from "./markdown";
import { RatingsPanel } from "./ratings-panel";
import { Stars } from "./stars";

const bytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;

export function ModelDetail({
  source,
  model,
  registry,
  sysadmin,
  me,
}: {
  source: string;
  model: string;
  /** The source is Facet's own registry (kind modelx, url null): versions and files come from /modelx. */
  registry: boolean;
  sysadmin: boolean;
  me: string;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: catalogKeys.model(source, model),
    queryFn: () => getJson<Detail>(catalogApi.model(source, model)),
  });
  const index = useQuery({
    queryKey: catalogKeys.registry(model),
    queryFn: () => getJson<RegistryIndex>(catalogApi.registryIndex(model)),
    enabled: registry,
  });
  const admin = useMutation({
    mutationFn: (body: { published?: boolean; recommended?: boolean }) =>
      sendJson("PUT", catalogApi.model(source, model), body),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
  const m = detail.data;
  const versions = index.data?.manifests.map((v) => v.name) ?? [];
  // Registry models keep their card as the newest version's README.md file.
  const readme = useQuery({
    queryKey: [...catalogKeys.registry(model), "readme", versions[0]],
    queryFn: () => registryReadme(model, versions[0]),
    enabled: registry && !!m && !m.card && versions.length > 0,
  });
  const card = m?.card || readme.data || "";

  return (
    <>
      <Breadcrumbs
        label={t("models.catalog.breadcrumbs")}
        items={[
          {
            label: t("models.catalog.title"),
            href: `${catalogPagePath.catalog()}?source=${encodeURIComponent(source)}`,
          },
          { label: model },
        ]}
      />
      <PageHeader
        title={model}
        description={m?.description || undefined}
        actions={m ? <DeployDialog source={source} model={model} versions={versions} /> : undefined}
      />
      {detail.isError && <Alert variant="destructive">{(detail.error as Error).message}</Alert>}
      {m && (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <Card>
              <CardTitle>{t("models.catalog.card")}</CardTitle>
              <div className="mt-3">
                {card ? (
                  <Markdown source={card} />
                ) : (
                  <p className="text-sm text-muted-foreground">{t("models.catalog.noCard")}</p>
                )}
              </div>
            </Card>
            {registry && (
              <Card>
                <CardTitle>{t("models.catalog.versions")}</CardTitle>
                {index.isError && <Alert variant="destructive">{(index.error as Error).message}</Alert>}
                {index.data && <Versions model={model} index={index.data} />}
              </Card>
            )}
            <Card>
              <CardTitle>{t("models.catalog.instances")}</CardTitle>
              <Instances instances={m.instances} />
            </Card>
            <RatingsPanel source={source} model={model} me={me} />
          </div>
          <div className="space-y-4">
            <Card>
              <CardTitle>{t("models.catalog.about")}</CardTitle>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("models.catalog.source")}</dt>
                <dd>{source}</dd>
                <dt className="text-muted-foreground">{t("models.catalog.facet.task")}</dt>
                <dd>{m.task || "—"}</dd>
                <dt className="text-muted-foreground">{t("models.catalog.facet.framework")}</dt>
                <dd>{m.framework || "—"}</dd>
                <dt className="text-muted-foreground">{t("models.catalog.facet.license")}</dt>
                <dd>{m.license || t("models.catalog.licenseUnknown")}</dd>
                <dt className="text-muted-foreground">{t("models.catalog.sort.downloads")}</dt>
                <dd>
                  <Download aria-hidden className="mr-1 inline h-3 w-3" />
                  {m.downloads.toLocaleString()}
                </dd>
                <dt className="text-muted-foreground">{t("models.catalog.sort.likes")}</dt>
                <dd>
                  <Heart aria-hidden className="mr-1 inline h-3 w-3" />
                  {m.likes.toLocaleString()}
                </dd>
                <dt className="text-muted-foreground">{t("models.catalog.sort.rating")}</dt>
                <dd className="flex items-center gap-1">
                  <Stars value={m.rating} /> {m.ratingCount > 0 && `(${m.ratingCount})`}
                </dd>
                <dt className="text-muted-foreground">{t("models.catalog.sort.recent")}</dt>
                <dd>
                  <time dateTime={m.lastModified}>{new Date(m.lastModified).toLocaleDateString()}</time>
                </dd>
              </dl>
              {m.tags.length > 0 && (
                <div className="mt-3 flex flex-wrap gap-1" aria-label={t("models.catalog.facet.tag")}>
                  {m.tags.map((tag) => (
                    <Link
                      key={tag}
                      href={`${catalogPagePath.catalog()}?source=${encodeURIComponent(source)}&tag=${encodeURIComponent(tag)}`}
                      className="rounded-full border px-2 py-0.5 text-xs hover:bg-accent"
                    >
                      {tag}
                    </Link>
                  ))}
                </div>
              )}
              <div className="mt-3 flex flex-wrap gap-1">
                {m.recommended && <Badge tone="ok">{t("models.catalog.recommended")}</Badge>}
                {!m.published && <Badge tone="bad">{t("models.catalog.unpublished")}</Badge>}
              </div>
            </Card>
            {sysadmin && (
              <Card>
                <CardTitle>{t("models.catalog.admin")}</CardTitle>
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={admin.isPending}
                    onClick={() => admin.mutate({ published: !m.published })}
                  >
                    {m.published ? t("models.catalog.unpublish") : t("models.catalog.publish")}
                  </Button>
                  <Button
                    variant="outline"
                    size="sm"
                    aria-pressed={m.recommended}
                    disabled={admin.isPending}
                    onClick={() => admin.mutate({ recommended: !m.recommended })}
                  >
                    {m.recommended ? t("models.catalog.unrecommend") : t("models.catalog.recommend")}
                  </Button>
                </div>
                {admin.isError && <Alert variant="destructive">{(admin.error as Error).message}</Alert>}
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  );
}

/** Where the model is deployed, among the environments the viewer may read. */
function Instances({ instances }: { instances: Detail["instances"] }) {
  const { t } = useI18n();
  if (!instances.length) return <p className="mt-3 text-sm text-muted-foreground">{t("models.catalog.noInstances")}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <Table aria-label={t("models.catalog.instances")}>
        <THead>
          <tr>
            <Th>{t("models.catalog.instance.environment")}</Th>
            <Th>{t("models.catalog.instance.name")}</Th>
            <Th>{t("models.catalog.instance.version")}</Th>
            <Th>{t("models.catalog.instance.replicas")}</Th>
            <Th>{t("models.catalog.instance.phase")}</Th>
          </tr>
        </THead>
        <TBody>
          {instances.map((i) => (
            <tr key={`${i.tenant}/${i.project}/${i.environment}/${i.name}`}>
              <Td>
                <Link
                  className="underline-offset-2 hover:underline"
                  href={`/tenants/${encodeURIComponent(i.tenant)}/projects/${encodeURIComponent(i.project)}/environments/${encodeURIComponent(i.environment)}/models`}
                >
                  {i.tenant} / {i.project} / {i.environment}
                </Link>
              </Td>
              <Td>{i.name}</Td>
              <Td>{i.version}</Td>
              <Td>{i.replicas}</Td>
              <Td>
                <Badge tone={i.phase === "Running" ? "ok" : i.phase === "Failed" ? "bad" : "warn"}>{i.phase}</Badge>
                {i.reason && i.phase === "Failed" && <span className="ml-2 text-xs text-destructive">{i.reason}</span>}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

const MAX_README_BYTES = 256 * 1024;

async function registryReadme(model: string, version: string): Promise<string> {
  const manifest = await getJson<RegistryManifest>(catalogApi.registryManifest(model, version));
  const file = manifest.blobs.find((b) => /^readme\.md$/i.test(b.name));
  if (!file || file.size > MAX_README_BYTES) return "";
  const res = await fetch(catalogApi.registryBlob(model, file.digest));
  return res.ok ? res.text() : "";
}

function Versions({ model, index }: { model: string; index: RegistryIndex }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const files = useQuery({
    queryKey: [...catalogKeys.registry(model), "manifest", open],
    queryFn: () => getJson<RegistryManifest>(catalogApi.registryManifest(model, open!)),
    enabled: open !== null,
  });
  return (
    <>
      <Table aria-label={t("models.catalog.versions")} className="mt-3">
        <THead>
          <tr>
            <Th>{t("models.catalog.version")}</Th>
            <Th>{t("models.catalog.size")}</Th>
            <Th>{t("models.catalog.modified")}</Th>
            <Th>
              <span className="sr-only">{t("models.catalog.files")}</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {index.manifests.map((v) => (
            <tr key={v.name}>
              <Td className="font-mono">{v.name}</Td>
              <Td>{bytes(v.size)}</Td>
              <Td>{new Date(v.modified).toLocaleString()}</Td>
              <Td>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-expanded={open === v.name}
                  onClick={() => setOpen(open === v.name ? null : v.name)}
                >
                  {t("models.catalog.files")}
                </Button>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {open && files.data && (
        <ul className="mt-3 space-y-1 font-mono text-xs" aria-label={t("models.catalog.filesOf", { version: open })}>
          {[files.data.config, ...files.data.blobs].map((f) => (
            <li key={f.name} className="flex justify-between gap-4">
              <span className="break-all">{f.name}</span>
              <span className="shrink-0 text-muted-foreground">{bytes(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
