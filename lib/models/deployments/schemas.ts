// Safe to import from client components: the model deployment API's contract (zod).
import { z } from "zod";
import { Bytes, Cpu, DnsLabel, EnvironmentParams } from "@/lib/tenancy/schemas";

export const DEPLOYMENT_RUNTIMES = ["builtin", "seldon", "kserve"] as const;
export type DeploymentRuntime = (typeof DEPLOYMENT_RUNTIMES)[number];
export const DEPLOYMENT_PHASES = ["Pending", "Running", "Failed"] as const;
export type DeploymentPhase = (typeof DEPLOYMENT_PHASES)[number];

export const DeploymentResources = z.object({ cpu: Cpu, memory: Bytes }).strict();
export type DeploymentResources = z.infer<typeof DeploymentResources>;

const Version = z
  .string()
  .regex(/^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/, "A version is letters, digits, '.', '_' or '-' (at most 128).");
const Replicas = z.number().int().min(1).max(8);

export const DeploymentBody = z
  .object({
    name: DnsLabel,
    source: z.string().min(1).max(63),
    model: z.string().min(1).max(255),
    version: Version,
    runtime: z.enum(DEPLOYMENT_RUNTIMES).optional(),
    replicas: Replicas.default(1),
    resources: DeploymentResources.default({ cpu: "250m", memory: "256Mi" }),
    parameters: z.record(z.string().max(63), z.string().max(1024)).default({}),
  })
  .strict();
export type DeploymentBody = z.infer<typeof DeploymentBody>;

/** A change to a running deployment: switch its version (and back), scale it, resize it. */
export const UpdateDeploymentBody = z
  .object({ version: Version.optional(), replicas: Replicas.optional(), resources: DeploymentResources.optional() })
  .strict()
  .refine((b) => b.version !== undefined || b.replicas !== undefined || b.resources !== undefined, {
    message: "Send at least one of version, replicas or resources.",
  });
export type UpdateDeploymentBody = z.infer<typeof UpdateDeploymentBody>;

export const DeploymentParams = EnvironmentParams.extend({ name: DnsLabel });
export type DeploymentParams = z.infer<typeof DeploymentParams>;
export const V2Params = DeploymentParams.extend({ path: z.array(z.string().max(255)).max(8).default([]) });
export type V2Params = z.infer<typeof V2Params>;

export interface DeploymentProgress {
  step: string;
  done: number;
  total: number;
}
export interface DeploymentStatus {
  phase: DeploymentPhase;
  reason: string | null;
  readyReplicas: number;
  progress: DeploymentProgress;
}
export interface HistoryEntry {
  version: string;
  at: string;
  by: string;
}
export interface DeploymentDto {
  name: string;
  source: string;
  model: string;
  version: string;
  runtime: DeploymentRuntime;
  replicas: number;
  resources: DeploymentResources;
  parameters: Record<string, string>;
  task: string | null;
  servedModelName: string;
  status: DeploymentStatus;
  endpoint: string;
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
}
