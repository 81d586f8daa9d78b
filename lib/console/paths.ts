// Safe to import from client components: every console page and API path built from names,
// each segment encoded, so a name never changes the path's shape.

export type TenantNames = { tenant: string };
export type ProjectNames = TenantNames & { project: string };
export type EnvironmentNames = ProjectNames & { environment: string };

const seg = encodeURIComponent;

const tenantPath = (tenant: string) => `/tenants/${seg(tenant)}`;
const projectPath = (n: ProjectNames) => `${tenantPath(n.tenant)}/projects/${seg(n.project)}`;
const environmentPath = (n: EnvironmentNames) => `${projectPath(n)}/environments/${seg(n.environment)}`;

/** Console pages. The API mirrors them under /api/v1 (apiPath). */
export const consolePath = {
  tenants: () => "/tenants",
  tenant: tenantPath,
  project: projectPath,
  environment: environmentPath,
  /** An environment's sub-page: "configs", "apm", "traces", ... */
  environmentView: (n: EnvironmentNames, view: string) => `${environmentPath(n)}/${view}`,
  configs: (n: EnvironmentNames) => `${environmentPath(n)}/configs`,
  config: (n: EnvironmentNames, dataId: string) => `${environmentPath(n)}/configs/${seg(dataId)}`,
  /** One probe's page (latency by phase, failures, certificate). */
  probe: (n: EnvironmentNames, name: string) => `${environmentPath(n)}/probes/${seg(name)}`,
  /** The tenant's alerts overview and its alert channels. */
  tenantAlerts: (tenant: string) => `${tenantPath(tenant)}/alerts`,
  tenantAlertChannels: (tenant: string) => `${tenantPath(tenant)}/alert-channels`,
  /** System-wide alert channels (sysadmins). */
  systemAlertChannels: () => "/system/alert-channels",
  /** A trace by id, wherever the actor may read it. */
  trace: (traceId: string) => `/traces/${seg(traceId)}`,
  clusters: () => "/clusters",
  cluster: (name: string) => `/clusters/${seg(name)}`,
  clusterNodes: (name: string) => `/clusters/${seg(name)}/nodes`,
};

const API = "/api/v1";

export const apiPath = {
  tenant: (tenant: string) => API + tenantPath(tenant),
  projects: (tenant: string) => `${API}${tenantPath(tenant)}/projects`,
  project: (n: ProjectNames) => API + projectPath(n),
  environments: (n: ProjectNames) => `${API}${projectPath(n)}/environments`,
  environment: (n: EnvironmentNames) => API + environmentPath(n),
  configs: (n: EnvironmentNames) => `${API}${environmentPath(n)}/configs`,
  cluster: (name: string) => `${API}/clusters/${seg(name)}`,
  clusterNodes: (name: string) => `${API}/clusters/${seg(name)}/nodes`,
  clusterKubeconfig: (name: string) => `${API}/clusters/${seg(name)}/kubeconfig`,
  trace: (traceId: string) => `${API}/traces/${seg(traceId)}`,
  traceLogs: (traceId: string) => `${API}/traces/${seg(traceId)}/logs`,
};
