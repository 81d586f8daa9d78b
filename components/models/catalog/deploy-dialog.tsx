"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Rocket } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { apiPath, consolePath } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import { ProblemError, sendJson } from "@/lib/query/send-json";

type Named = { items: { name: string }[] };

/** A DNS label from a model id: `org/My_Model-v2` → `my-model-v2`. */
export function deploymentName(model: string): string {
  const base = (model.split("/").pop() ?? model)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return base || "model";
}

/**
 * Deploys a catalog model into an environment the user picks (tenant → project → environment),
 * with the model-deployments body of the issue 15 contract, then links to the environment's Models tab.
 */
export function DeployDialog({ source, model, versions }: { source: string; model: string; versions: string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [tenant, setTenant] = useState("");
  const [project, setProject] = useState("");
  const [environment, setEnvironment] = useState("");
  const [name, setName] = useState(deploymentName(model));
  const [version, setVersion] = useState(versions[0] ?? "main");
  const [replicas, setReplicas] = useState(1);
  const [cpu, setCpu] = useState("250m");
  const [memory, setMemory] = useState("256Mi");

  const tenants = useQuery({
    queryKey: ["t", "list", "deploy"],
    queryFn: () => getJson<Named>(`/api/v1/tenants?limit=200`),
    enabled: open,
  });
  const projects = useQuery({
    queryKey: ["t", tenant, "projects", "deploy"],
    queryFn: () => getJson<Named>(`${apiPath.projects(tenant)}?limit=200`),
    enabled: open && !!tenant,
  });
  const environments = useQuery({
    queryKey: ["t", tenant, "p", project, "environments", "deploy"],
    queryFn: () => getJson<Named>(`${apiPath.environments({ tenant, project })}?limit=200`),
    enabled: open && !!tenant && !!project,
  });
  const target = { tenant, project, environment };
  const deploy = useMutation({
    mutationFn: () =>
      sendJson("POST", `${apiPath.environment(target)}/model-deployments`, {
        name,
        source,
        model,
        version,
        replicas,
        resources: { cpu, memory },
      }),
  });
  const problem = deploy.error instanceof ProblemError ? deploy.error.problem : null;
  const fieldError = (field: string) =>
    (problem?.errors as { path: string; message: string }[] | undefined)?.find((e) => e.path === `body.${field}`)
      ?.message;

  return (
    <Dialog
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (!v) deploy.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Rocket aria-hidden className="h-4 w-4" />
          {t("models.catalog.deploy")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("models.catalog.deployTitle", { model })}
        description={t("models.catalog.deployDescription")}
        closeLabel={t("models.catalog.close")}
      >
        {deploy.isSuccess ? (
          <div className="space-y-3">
            <Alert>{t("models.catalog.deployed", { name, environment })}</Alert>
            <Link className="text-primary underline" href={consolePath.environmentView(target, "models")}>
              {t("models.catalog.openModelsTab")}
            </Link>
          </div>
        ) : (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              deploy.mutate();
            }}
          >
            <Field id="deploy-tenant" label={t("models.catalog.tenant")}>
              <NativeSelect
                id="deploy-tenant"
                required
                value={tenant}
                onChange={(e) => {
                  setTenant(e.target.value);
                  setProject("");
                  setEnvironment("");
                }}
              >
                <option value="">{t("models.catalog.choose")}</option>
                {tenants.data?.items.map((x) => (
                  <option key={x.name}>{x.name}</option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="deploy-project" label={t("models.catalog.project")}>
              <NativeSelect
                id="deploy-project"
                required
                disabled={!tenant}
                value={project}
                onChange={(e) => {
                  setProject(e.target.value);
                  setEnvironment("");
                }}
              >
                <option value="">{t("models.catalog.choose")}</option>
                {projects.data?.items.map((x) => (
                  <option key={x.name}>{x.name}</option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="deploy-environment" label={t("models.catalog.environment")}>
              <NativeSelect
                id="deploy-environment"
                required
                disabled={!project}
                value={environment}
                onChange={(e) => setEnvironment(e.target.value)}
              >
                <option value="">{t("models.catalog.choose")}</option>
                {environments.data?.items.map((x) => (
                  <option key={x.name}>{x.name}</option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="deploy-name" label={t("models.catalog.deploymentName")} error={fieldError("name")}>
              <Input
                id="deploy-name"
                required
                maxLength={63}
                pattern="[a-z0-9]([-a-z0-9]*[a-z0-9])?"
                value={name}
                aria-invalid={!!fieldError("name")}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <Field id="deploy-version" label={t("models.catalog.version")} error={fieldError("version")}>
              {versions.length ? (
                <NativeSelect id="deploy-version" value={version} onChange={(e) => setVersion(e.target.value)}>
                  {versions.map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </NativeSelect>
              ) : (
                <Input id="deploy-version" required value={version} onChange={(e) => setVersion(e.target.value)} />
              )}
            </Field>
            <div className="grid grid-cols-3 gap-3">
              <Field id="deploy-replicas" label={t("models.catalog.replicas")} error={fieldError("replicas")}>
                <Input
                  id="deploy-replicas"
                  type="number"
                  min={1}
                  max={8}
                  value={replicas}
                  onChange={(e) => setReplicas(Number(e.target.value))}
                />
              </Field>
              <Field id="deploy-cpu" label={t("models.catalog.cpu")} error={fieldError("resources.cpu")}>
                <Input id="deploy-cpu" required value={cpu} onChange={(e) => setCpu(e.target.value)} />
              </Field>
              <Field id="deploy-memory" label={t("models.catalog.memory")} error={fieldError("resources.memory")}>
                <Input id="deploy-memory" required value={memory} onChange={(e) => setMemory(e.target.value)} />
              </Field>
            </div>
            {deploy.isError && <Alert variant="destructive">{deploy.error.message}</Alert>}
            <DialogFooter>
              <Button type="submit" disabled={!environment || deploy.isPending}>
                {deploy.isPending ? t("models.catalog.deploying") : t("models.catalog.deploy")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
