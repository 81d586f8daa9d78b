// Safe to import from client components.
import { z } from "zod";
import { ApplicationParams, EnvironmentParams } from "@/lib/tenancy/schemas";
import { EDITABLE_RESOURCES, LISTABLE_RESOURCES } from "./resources";

export const ScaleInput = z.object({ replicas: z.number().int().min(0).max(100) });
export const PodParams = EnvironmentParams.extend({ pod: z.string().min(1).max(253) });
/** How far back a log read reaches; "all" is still bounded by `tail`. */
export const LOG_SINCE = { "5m": 300, "15m": 900, "1h": 3600, "6h": 21_600, "24h": 86_400, all: null } as const;
export type LogSince = keyof typeof LOG_SINCE;
const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");
export const LogsQuery = z.object({
  tail: z.coerce.number().int().min(1).max(5000).default(200),
  container: z.string().max(253).optional(),
  since: z.enum(Object.keys(LOG_SINCE) as [LogSince, ...LogSince[]]).default("all"),
  timestamps: flag,
  follow: flag,
});
export type LogsQuery = z.infer<typeof LogsQuery>;
export const ObjectParams = EnvironmentParams.extend({
  resource: z.enum(EDITABLE_RESOURCES as [string, ...string[]]),
  name: z.string().min(1).max(253),
});
export const PutObjectInput = z.object({
  yaml: z
    .string()
    .min(1)
    .max(512 * 1024),
});

/** The page size is bounded: a larger `limit` is refused (422), never clamped silently. */
export const MAX_PAGE = 200;
const Limit = z.coerce.number().int().min(1).max(MAX_PAGE).default(50);

export const KindParams = EnvironmentParams.extend({ resource: z.enum(LISTABLE_RESOURCES) });
export const KindListQuery = z.object({
  limit: Limit,
  // The cluster's continue token, passed through opaquely.
  cursor: z.string().max(4096).optional(),
});
export const POD_PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"] as const;
/** The environment's workloads: pods a page at a time (optionally of one phase), with counts per phase. */
export const WorkloadsQuery = z.object({
  podLimit: Limit,
  podCursor: z.string().max(4096).optional(),
  phase: z.enum(POD_PHASES).optional(),
});
export type WorkloadsQuery = z.infer<typeof WorkloadsQuery>;
/** `?dryRun=true`: every check and the cluster's dry run, nothing written; the answer carries the diff. */
export const WriteQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export const SecretParams = EnvironmentParams.extend({
  resource: z.literal("secrets"),
  name: z.string().min(1).max(253),
});
export const EventsQuery = z.object({
  type: z.enum(["Warning", "Normal"]).optional(),
  kind: z.string().min(1).max(63).optional(),
  name: z.string().min(1).max(253).optional(),
  q: z.string().min(1).max(200).optional(),
  limit: Limit,
  cursor: z.string().max(1024).optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;
export { ApplicationParams };

/** A shell's command: argv words, as the exec API takes them (default: sh). */
export const ExecQuery = z.object({
  container: z.string().min(1).max(253).optional(),
  command: z
    .union([z.string().min(1).max(256), z.array(z.string().min(1).max(256)).min(1).max(16)])
    .default("sh")
    .transform((c) => (Array.isArray(c) ? c : [c])),
});
export type ExecQuery = z.infer<typeof ExecQuery>;
