"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { errorUnder, problemFieldErrors, unplacedErrors } from "@/components/console/problem-field-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { EnvironmentNames } from "@/lib/console/paths";
import {
  DEPLOY_SOURCES,
  DEPLOYMENT_RUNTIMES,
  createDeployment,
  deploymentKeys,
  fetchCatalog,
  type DeploymentBody,
  type DeploymentRuntime,
} from "./api";
import { DeploymentProblem } from "./problem-details";

const SHOWN = [
  "name",
  "source",
  "model",
  "version",
  "runtime",
  "replicas",
  "resources.cpu",
  "resources.memory",
  "parameters",
] as const;

interface Draft {
  name: string;
  source: string;
  model: string;
  version: string;
  runtime: DeploymentRuntime | "";
  replicas: string;
  cpu: string;
  memory: string;
  parameters: string;
}

const EMPTY: Draft = {
  name: "",
  source: "facet",
  model: "",
  version: "v1",
  runtime: "",
  replicas: "1",
  cpu: "250m",
  memory: "256Mi",
  parameters: "",
};

/** `key=value` per line → parameters; a line without `=` is refused with its number. */
export function parseParameters(
  text: string,
): { ok: true; value: Record<string, string> } | { ok: false; line: number } {
  const value: Record<string, string> = {};
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { ok: false, line: i + 1 };
    value[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { ok: true, value };
}

/** A DNS label from a model id: `library/sentiment-en` → `sentiment-en`. */
const suggestName = (model: string) =>
  (model.split("/").pop() ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);

/** Deploys a catalog model into the environment; the server's 422 errors land beside their fields. */
export function DeployDialog({ names, onDeployed }: { names: EnvironmentNames; onDeployed?: (name: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState<Draft>(EMPTY);
  const [search, setSearch] = useState("");
  const [paramsError, setParamsError] = useState<string | null>(null);
  const q = useDeferredValue(search.trim());
  const catalog = useQuery({
    queryKey: deploymentKeys.catalog(d.source, q),
    queryFn: () => fetchCatalog(d.source, q),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (body: DeploymentBody) => createDeployment(names, body),
    onSuccess: async (saved, body) => {
      setOpen(false);
      onDeployed?.(saved?.name ?? body.name);
      await queryClient.invalidateQueries({ queryKey: deploymentKeys.all(names) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const err = (path: string) => errorUnder(errors, path);
  const others = unplacedErrors(errors, SHOWN);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const field = (id: string, path: string) => ({
    id,
    "aria-invalid": Boolean(err(path)),
    "aria-describedby": err(path) ? `${id}-error` : undefined,
  });
  const chosen = catalog.data?.items.find((m) => m.name === d.model);
  const title = t("models.deploy.title");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setD(EMPTY);
        setSearch("");
        setParamsError(null);
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">{t("models.deploy.new")}</Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(44rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            const parameters = parseParameters(d.parameters);
            if (!parameters.ok) {
              setParamsError(t("models.deploy.parametersLine", { line: parameters.line }));
              return;
            }
            setParamsError(null);
            save.mutate({
              name: d.name.trim(),
              source: d.source,
              model: d.model,
              version: d.version.trim(),
              ...(d.runtime ? { runtime: d.runtime } : {}),
              replicas: Number(d.replicas),
              resources: { cpu: d.cpu.trim(), memory: d.memory.trim() },
              parameters: parameters.value,
            });
          }}
        >
          {save.error && Object.keys(errors).length === 0 && <DeploymentProblem error={save.error} />}
          {others.length > 0 && (
            <Alert variant="destructive">
              <ul className="list-disc pl-5">
                {others.map(([path, message]) => (
                  <li key={path}>
                    <span className="font-mono">{path}</span>: {message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="deploy-source" label={t("models.deploy.source")} error={err("source")}>
              <NativeSelect
                {...field("deploy-source", "source")}
                value={d.source}
                onChange={(e) => setD((prev) => ({ ...prev, source: e.target.value, model: "" }))}
              >
                {DEPLOY_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`models.deploy.source.${s}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="deploy-search" label={t("models.deploy.search")} hint={t("models.deploy.searchHint")}>
              <Input id="deploy-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </Field>
          </div>
          <Field
            id="deploy-model"
            label={t("models.deploy.model")}
            error={err("model")}
            hint={chosen?.description ?? (catalog.error ? undefined : t("models.deploy.modelHint"))}
          >
            <NativeSelect
              {...field("deploy-model", "model")}
              value={d.model}
              aria-busy={catalog.isFetching}
              onChange={(e) => {
                const model = e.target.value;
                setD((prev) => ({ ...prev, model, name: prev.name || suggestName(model) }));
              }}
            >
              <option value="">{catalog.isFetching ? t("common.loading") : t("models.deploy.pickModel")}</option>
              {catalog.data?.items.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.task ? `${m.name} — ${m.task}` : m.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {catalog.error && <Alert variant="destructive">{catalog.error.message}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="deploy-name" label={t("common.name")} error={err("name")} hint={t("models.deploy.nameHint")}>
              <Input {...field("deploy-name", "name")} value={d.name} onChange={(e) => set("name", e.target.value)} />
            </Field>
            <Field id="deploy-version" label={t("models.deploy.version")} error={err("version")}>
              <Input
                {...field("deploy-version", "version")}
                value={d.version}
                onChange={(e) => set("version", e.target.value)}
              />
            </Field>
            <Field
              id="deploy-runtime"
              label={t("models.deploy.runtime")}
              error={err("runtime")}
              hint={t("models.deploy.runtimeHint")}
            >
              <NativeSelect
                {...field("deploy-runtime", "runtime")}
                value={d.runtime}
                onChange={(e) => set("runtime", e.target.value as DeploymentRuntime | "")}
              >
                <option value="">{t("models.deploy.runtime.auto")}</option>
                {DEPLOYMENT_RUNTIMES.map((r) => (
                  <option key={r} value={r}>
                    {t(`models.deploy.runtime.${r}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="deploy-replicas" label={t("models.deploy.replicas")} error={err("replicas")}>
              <Input
                {...field("deploy-replicas", "replicas")}
                type="number"
                min={1}
                max={8}
                value={d.replicas}
                onChange={(e) => set("replicas", e.target.value)}
              />
            </Field>
            <Field id="deploy-cpu" label={t("models.deploy.cpu")} error={err("resources.cpu")} hint="250m, 1">
              <Input
                {...field("deploy-cpu", "resources.cpu")}
                value={d.cpu}
                onChange={(e) => set("cpu", e.target.value)}
              />
            </Field>
            <Field
              id="deploy-memory"
              label={t("models.deploy.memory")}
              error={err("resources.memory")}
              hint="256Mi, 1Gi"
            >
              <Input
                {...field("deploy-memory", "resources.memory")}
                value={d.memory}
                onChange={(e) => set("memory", e.target.value)}
              />
            </Field>
          </div>
          <Field
            id="deploy-parameters"
            label={t("models.deploy.parameters")}
            error={paramsError ?? err("parameters")}
            hint={t("models.deploy.parametersHint")}
          >
            <Textarea
              {...field("deploy-parameters", "parameters")}
              aria-invalid={Boolean(paramsError ?? err("parameters"))}
              aria-describedby={(paramsError ?? err("parameters")) ? "deploy-parameters-error" : undefined}
              rows={3}
              className="font-mono text-xs"
              value={d.parameters}
              onChange={(e) => set("parameters", e.target.value)}
            />
          </Field>
          <DialogFooter>
            <Button type="submit" disabled={save.isPending || !d.model}>
              {save.isPending ? t("models.deploy.deploying") : t("models.deploy.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
