// Safe to import from client components: the model-deployments API of the issue-15 contract
// (paths, DTOs, react-query keys) in one place, so the merger can line it up with H1's routes.
import { apiPath, type EnvironmentNames } from "@/lib/console/paths";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";

export const DEPLOYMENT_RUNTIMES = ["builtin", "seldon", "kserve"] as const;
export type DeploymentRuntime = (typeof DEPLOYMENT_RUNTIMES)[number];
export type DeploymentPhase = "Pending" | "Running" | "Failed";

export interface DeploymentResources {
  cpu: string;
  memory: string;
}

/** What a deploy sends (POST) and, without name/source/model, what an edit sends (PUT). */
export interface DeploymentBody {
  name: string;
  source: string;
  model: string;
  version: string;
  runtime?: DeploymentRuntime;
  replicas: number;
  resources: DeploymentResources;
  parameters?: Record<string, string>;
}

export type DeploymentUpdate = Partial<Pick<DeploymentBody, "version" | "replicas" | "resources" | "parameters">>;

export interface DeploymentDto {
  name: string;
  source: string;
  model: string;
  version: string;
  runtime: DeploymentRuntime;
  replicas: number;
  resources: DeploymentResources;
  parameters: Record<string, string>;
  /** The pipeline tag; it picks the preview's form. */
  task: string;
  servedModelName: string;
  status: {
    phase: DeploymentPhase;
    reason: string | null;
    readyReplicas: number;
    progress: { step: string; done: number; total: number };
  };
  /** `<E>/model-deployments/<name>/v2`, a path on Facet. */
  endpoint: string;
  history: { version: string; at: string; by: string }[];
  createdAt: string;
  updatedAt: string;
}

/** One row of a source's catalog (GET /api/v1/model-sources/{source}/models). */
export interface CatalogModelSummary {
  name: string;
  task: string | null;
  framework: string | null;
  license: string | null;
  description: string | null;
}

/** The sources the deploy dialog picks from: Facet's own registry first, then the Hub's catalog. */
export const DEPLOY_SOURCES = ["facet", "huggingface"] as const;

const seg = encodeURIComponent;

export const deploymentsApi = {
  list: (n: EnvironmentNames) => `${apiPath.environment(n)}/model-deployments`,
  item: (n: EnvironmentNames, name: string) => `${apiPath.environment(n)}/model-deployments/${seg(name)}`,
  /** Model ids may hold "/": each segment is encoded, the slashes kept (a catch-all route). */
  catalog: (source: string, q: string) =>
    `/api/v1/model-sources/${seg(source)}/models?limit=50${q ? `&q=${seg(q)}` : ""}`,
  /** The V2 infer path of a deployment, from its endpoint and served model name. */
  infer: (d: Pick<DeploymentDto, "endpoint" | "servedModelName">) =>
    `${d.endpoint}/models/${seg(d.servedModelName)}/infer`,
};

const envKey = (n: EnvironmentNames) => ["t", n.tenant, "p", n.project, "e", n.environment] as const;

/** Keys start with the scope; invalidating `all` refreshes the list. */
export const deploymentKeys = {
  all: (n: EnvironmentNames) => [...envKey(n), "model-deployments"] as const,
  list: (n: EnvironmentNames) => [...envKey(n), "model-deployments", "list"] as const,
  catalog: (source: string, q: string) => ["model-sources", source, "models", q] as const,
};

export const fetchDeployments = (n: EnvironmentNames) => getJson<{ items: DeploymentDto[] }>(deploymentsApi.list(n));
export const fetchCatalog = (source: string, q: string) =>
  getJson<{ items: CatalogModelSummary[] }>(deploymentsApi.catalog(source, q));
export const createDeployment = (n: EnvironmentNames, body: DeploymentBody) =>
  sendJson<DeploymentDto>("POST", deploymentsApi.list(n), body);
export const updateDeployment = (n: EnvironmentNames, name: string, body: DeploymentUpdate) =>
  sendJson<DeploymentDto>("PUT", deploymentsApi.item(n, name), body);
export const deleteDeployment = (n: EnvironmentNames, name: string) =>
  sendJson<void>("DELETE", deploymentsApi.item(n, name));

/** Polling while something moves: a deployment still Pending, or replicas not all ready. */
export const anySettling = (items: DeploymentDto[] | undefined) =>
  Boolean(
    items?.some(
      (d) => d.status.phase === "Pending" || (d.status.phase === "Running" && d.status.readyReplicas < d.replicas),
    ),
  );
