// Safe to import from client components: the logging API's contract (issue 13).
import { z } from "zod";
import { DnsLabel, EnvironmentParams } from "@/lib/tenancy/schemas";

const Name = z
  .string()
  .min(1, "Enter a name.")
  .max(253, "At most 253 characters.")
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    "Use a lowercase DNS name (a-z, 0-9, '-', '.').",
  );

export const LoggingObjectParams = EnvironmentParams.extend({ name: Name });
export const ClusterLoggingParams = z.object({ cluster: DnsLabel });
export const ClusterLoggingObjectParams = ClusterLoggingParams.extend({ name: Name });

/** Raw YAML of one object. The body limit (1 MiB) answers 413 before this is read. */
export const YamlBody = z.object({
  yaml: z.string().min(1, "Paste the object's YAML."),
  resourceVersion: z.string().max(64).optional(),
});
export type YamlBody = z.infer<typeof YamlBody>;

export const APPLICATION_LABELS = ["app", "app.kubernetes.io/name", "facet.dev/application"] as const;

const Regex = z
  .string()
  .min(1)
  .max(1024)
  .refine((v) => {
    try {
      new RegExp(v);
      return true;
    } catch {
      return false;
    }
  }, "Not a valid regular expression.");

export const FlowForm = z.object({
  name: Name,
  applications: z
    .array(z.object({ name: z.string().min(1).max(253), labelKey: z.enum(APPLICATION_LABELS) }))
    .min(1, "Choose at least one application.")
    .max(50),
  outputs: z.array(Name).max(20).default([]),
  clusterOutputs: z.array(Name).max(20).default([]),
  filters: z
    .object({
      parser: z.object({ keyName: z.string().min(1).max(128) }).optional(),
      grep: z.object({ include: Regex.optional(), exclude: Regex.optional() }).optional(),
      counter: z.boolean().optional(),
      geoip: z.object({ keys: z.array(z.string().min(1).max(128)).min(1).max(10) }).optional(),
      throttle: z.object({ linesPerMinute: z.number().int().min(1).max(10_000_000) }).optional(),
      detectExceptions: z.boolean().optional(),
    })
    .default({}),
});
export type FlowForm = z.infer<typeof FlowForm>;

export const FlowBody = z.union([YamlBody, FlowForm.extend({ resourceVersion: z.string().max(64).optional() })]);
export type FlowBody = z.infer<typeof FlowBody>;

export const OUTPUT_TYPES = ["loki", "elasticsearch", "kafka", "http", "facet"] as const;

const Url = z.string().url("Enter a URL such as https://loki.example.com.").max(2048);
const Secret = z.string().min(1).max(4096);
export const OutputForm = z.discriminatedUnion("type", [
  z.object({
    name: Name,
    type: z.literal("loki"),
    settings: z.object({ url: Url }),
    secrets: z.object({ username: Secret.optional(), password: Secret.optional() }).optional(),
  }),
  z.object({
    name: Name,
    type: z.literal("elasticsearch"),
    settings: z.object({
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535).default(9200),
      scheme: z.enum(["http", "https"]).default("https"),
      index: z.string().min(1).max(255).optional(),
      user: z.string().max(256).optional(),
    }),
    // The operator's elasticsearch `user` is a plain string: a username sent here lands there.
    secrets: z.object({ username: z.string().min(1).max(256).optional(), password: Secret.optional() }).optional(),
  }),
  z.object({
    name: Name,
    type: z.literal("kafka"),
    settings: z.object({ brokers: z.string().min(1).max(2048), topic: z.string().min(1).max(249) }),
    secrets: z.object({ username: Secret.optional(), password: Secret.optional() }).optional(),
  }),
  z.object({
    name: Name,
    type: z.literal("http"),
    settings: z.object({ endpoint: Url }),
    secrets: z.object({ username: Secret.optional(), password: Secret.optional() }).optional(),
  }),
  z.object({
    name: Name,
    type: z.literal("facet"),
    settings: z.object({}).default({}),
    secrets: z.object({}).optional(),
  }),
]);
export type OutputForm = z.infer<typeof OutputForm>;

export const OutputBody = z.union([
  YamlBody,
  OutputForm.and(z.object({ resourceVersion: z.string().max(64).optional() })),
]);
export type OutputBody = z.infer<typeof OutputBody>;

export const CollectAllBody = z.object({ enabled: z.boolean() });

export interface RatePoint {
  t: string;
  v: number;
}
export interface LastChange {
  by: string;
  at: string;
  action: string;
}
export interface OperatorInfo {
  installed: boolean;
  controlNamespace: string | null;
  message?: string;
}
export interface FlowItem {
  name: string;
  kind: "Flow" | "ClusterFlow";
  active: boolean | null;
  problems: string[];
  applications: string[];
  localOutputRefs: string[];
  globalOutputRefs: string[];
  filters: string[];
  resourceVersion: string;
  yaml: string;
  linesPerSecond: RatePoint[];
  lastChange: LastChange | null;
}
export interface OutputItem {
  name: string;
  kind: "Output" | "ClusterOutput";
  type: string;
  active: boolean | null;
  problems: string[];
  resourceVersion: string;
  yaml: string;
  target: string;
  lastChange: LastChange | null;
}
export interface Diff {
  before: string;
  after: string;
}
export interface FlowList {
  operator: OperatorInfo;
  collectAll: boolean;
  items: FlowItem[];
}
export interface OutputList {
  operator: OperatorInfo;
  items: OutputItem[];
}
