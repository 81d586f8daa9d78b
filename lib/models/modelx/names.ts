// modelx names (PROTOCOLS §9.1). In Facet a repository is `library` or `{tenant}.{project}`.

export const LIBRARY = "library";
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const MODEL_NAME = /^[a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)*$/;
export const REFERENCE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
export const DIGEST = /^sha256:[a-f0-9]{64}$/;

export type Repository = { kind: "library" } | { kind: "project"; tenant: string; project: string };

export function parseRepository(name: string): Repository | null {
  if (name === LIBRARY) return { kind: "library" };
  const [tenant, project, extra] = name.split(".");
  if (extra !== undefined || !tenant || !project || !DNS_LABEL.test(tenant) || !DNS_LABEL.test(project)) return null;
  return { kind: "project", tenant, project };
}

export const repositoryName = (r: Repository) => (r.kind === "library" ? LIBRARY : `${r.tenant}.${r.project}`);

export const isModelName = (name: string) => name.length <= 128 && MODEL_NAME.test(name);
