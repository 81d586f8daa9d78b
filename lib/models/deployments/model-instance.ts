// Safe to import from client components: one row of a model page's "deployed in" list.
export interface ModelInstance {
  tenant: string;
  project: string;
  environment: string;
  name: string;
  version: string;
  runtime: string;
  replicas: number;
  phase: string;
  reason: string | null;
}
