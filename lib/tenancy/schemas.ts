// Safe to import from client components: zod schemas that are also the API's contract.
import { z } from "zod";
import { ENVIRONMENT_ROLES, ENVIRONMENT_TYPES, PROJECT_ROLES, TENANT_ROLES } from "@/lib/rbac/roles";
import { parseBytes, parseCount, parseCpu } from "./quantity";

export const DnsLabel = z
  .string()
  .min(1, "Enter a name.")
  .max(63, "At most 63 characters.")
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    "Use lowercase letters, digits and '-', starting and ending with a letter or digit (DNS-1123 label).",
  );

const Description = z.string().max(512, "At most 512 characters.");

const quantity = (parse: (v: string | number) => number | null, example: string) =>
  z
    .union([z.string(), z.number()])
    .refine((v) => parse(v) !== null, `Use a Kubernetes quantity such as ${example}.`)
    .transform(String);

export const Cpu = quantity(parseCpu, '"500m" or "2"');
export const Bytes = quantity(parseBytes, '"512Mi" or "10Gi"');
export const PodCount = quantity(parseCount, '"20"');

export const QuotaInput = z.object({ cpu: Cpu, memory: Bytes, storage: Bytes, pods: PodCount });
export type QuotaInput = z.infer<typeof QuotaInput>;

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(256).optional(),
  q: z.string().max(63).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const CascadeQuery = z.object({
  cascade: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const CreateTenantInput = z.object({ name: DnsLabel, description: Description.default("") });
export const UpdateTenantInput = z.object({
  name: DnsLabel.optional(),
  description: Description.optional(),
  networkIsolation: z.boolean().optional(),
});
export type CreateTenantInput = z.infer<typeof CreateTenantInput>;
export type UpdateTenantInput = z.infer<typeof UpdateTenantInput>;

export const Username = z.string().min(1, "Enter a username.").max(64);
export const AddTenantMemberInput = z.object({ username: Username, role: z.enum(TENANT_ROLES) });
export const AddProjectMemberInput = z.object({ username: Username, role: z.enum(PROJECT_ROLES) });
export const AddEnvironmentMemberInput = z.object({ username: Username, role: z.enum(ENVIRONMENT_ROLES) });
export const SetTenantRoleInput = z.object({ role: z.enum(TENANT_ROLES) });
export const SetProjectRoleInput = z.object({ role: z.enum(PROJECT_ROLES) });
export const SetEnvironmentRoleInput = z.object({ role: z.enum(ENVIRONMENT_ROLES) });

export const CreateProjectInput = z.object({ name: DnsLabel, description: Description.default("") });
export const UpdateProjectInput = z.object({
  name: DnsLabel.optional(),
  description: Description.optional(),
  networkIsolation: z.boolean().optional(),
});
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const ContainerDefaults = z.object({
  defaultRequest: z.object({ cpu: Cpu, memory: Bytes }).partial().optional(),
  default: z.object({ cpu: Cpu, memory: Bytes }).partial().optional(),
});

export const CreateEnvironmentInput = z.object({
  name: DnsLabel,
  type: z.enum(ENVIRONMENT_TYPES),
  cluster: DnsLabel,
  namespace: DnsLabel.optional(),
  description: Description.default(""),
  quota: QuotaInput,
  limits: ContainerDefaults.optional(),
  deletePolicy: z.enum(["delete-namespace", "remove-labels"]).optional(),
  networkIsolation: z.boolean().optional(),
});
export const UpdateEnvironmentInput = z.object({
  name: DnsLabel.optional(),
  type: z.enum(ENVIRONMENT_TYPES).optional(),
  description: Description.optional(),
  quota: QuotaInput.partial().optional(),
  limits: ContainerDefaults.optional(),
  deletePolicy: z.enum(["delete-namespace", "remove-labels"]).optional(),
  networkIsolation: z.boolean().optional(),
});
export type CreateEnvironmentInput = z.infer<typeof CreateEnvironmentInput>;
export type UpdateEnvironmentInput = z.infer<typeof UpdateEnvironmentInput>;

const PortName = z
  .string()
  .max(15, "At most 15 characters.")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Use lowercase letters, digits and '-'.");
const Port = z.object({ name: PortName, port: z.number().int().min(1).max(65535) });
const EnvVar = z.object({
  name: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, "Use letters, digits, '_', '-' or '.', not starting with a digit."),
  value: z.string().max(32_768),
});
const Image = z
  .string()
  .min(1, "Enter an image.")
  .max(512)
  .regex(
    /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/,
    "Use an image reference such as nginx:1.27 or registry.example.com/team/app:v1.",
  );
const Resources = z.object({
  requests: z.object({ cpu: Cpu, memory: Bytes }).partial().optional(),
  limits: z.object({ cpu: Cpu, memory: Bytes }).partial().optional(),
});

const uniqueBy =
  <T>(key: (t: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: "custom", message: `Duplicate ${what} '${k}'.`, path: [i] });
      seen.add(k);
    });
  };

export const OTEL_SAMPLERS = [
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
  "always_on",
  "always_off",
  "traceidratio",
] as const;
export const OTEL_PROPAGATORS = ["tracecontext", "baggage", "b3", "b3multi", "jaeger", "xray", "ottrace"] as const;
/** Samplers that read OTEL_TRACES_SAMPLER_ARG. */
export const RATIO_SAMPLERS: readonly string[] = ["traceidratio", "parentbased_traceidratio"];

/** OpenTelemetry injection: Facet sets the OTEL_* variables of the application's containers. */
export const AppTelemetryInput = z
  .object({
    sampler: z.enum(OTEL_SAMPLERS).default("parentbased_always_on"),
    samplerArg: z.number().min(0, "A ratio from 0 to 1.").max(1, "A ratio from 0 to 1.").nullable().default(null),
    propagators: z
      .array(z.enum(OTEL_PROPAGATORS))
      .min(1, "Choose at least one propagator.")
      .max(OTEL_PROPAGATORS.length)
      .default(["tracecontext", "baggage"])
      .superRefine(uniqueBy((p) => p, "propagator")),
  })
  .superRefine((t, ctx) => {
    const ratio = RATIO_SAMPLERS.includes(t.sampler);
    if (ratio && t.samplerArg === null)
      ctx.addIssue({ code: "custom", path: ["samplerArg"], message: `${t.sampler} needs a ratio from 0 to 1.` });
    if (!ratio && t.samplerArg !== null)
      ctx.addIssue({ code: "custom", path: ["samplerArg"], message: `${t.sampler} takes no ratio.` });
  });
export type AppTelemetryInput = z.infer<typeof AppTelemetryInput>;

/** With injection on, OTEL_* variables are Facet's: one set by hand would be silently overridden. */
export function otelConflicts(env: { name: string }[]): number[] {
  return env.flatMap((e, i) => (/^OTEL_/i.test(e.name) ? [i] : []));
}

export const CreateApplicationInput = z
  .object({
    name: DnsLabel,
    image: Image,
    replicas: z.number().int().min(0).max(100).default(1),
    ports: z
      .array(Port)
      .max(32)
      .default([])
      .superRefine(uniqueBy((p) => p.name, "port name")),
    env: z
      .array(EnvVar)
      .max(256)
      .default([])
      .superRefine(uniqueBy((e) => e.name, "variable")),
    resources: Resources.default({}),
    telemetry: AppTelemetryInput.nullable().default(null),
  })
  .superRefine((app, ctx) => {
    if (!app.telemetry) return;
    for (const i of otelConflicts(app.env))
      ctx.addIssue({
        code: "custom",
        path: ["env", i, "name"],
        message: "OTEL_* variables are set by telemetry injection.",
      });
  });
export const UpdateApplicationInput = z.object({
  image: Image.optional(),
  replicas: z.number().int().min(0).max(100).optional(),
  ports: z
    .array(Port)
    .max(32)
    .superRefine(uniqueBy((p) => p.name, "port name"))
    .optional(),
  env: z
    .array(EnvVar)
    .max(256)
    .superRefine(uniqueBy((e) => e.name, "variable"))
    .optional(),
  resources: Resources.optional(),
  /** null turns injection off. */
  telemetry: AppTelemetryInput.nullable().optional(),
});
export type CreateApplicationInput = z.infer<typeof CreateApplicationInput>;
export type UpdateApplicationInput = z.infer<typeof UpdateApplicationInput>;

export const TenantParams = z.object({ tenant: DnsLabel });
export const ProjectParams = TenantParams.extend({ project: DnsLabel });
export const EnvironmentParams = ProjectParams.extend({ environment: DnsLabel });
export const ApplicationParams = EnvironmentParams.extend({ application: DnsLabel });
export const QuotaParams = TenantParams.extend({ cluster: DnsLabel });
export const MemberParams = z.object({ username: Username });
export type TenantParams = z.infer<typeof TenantParams>;
export type ProjectParams = z.infer<typeof ProjectParams>;
export type EnvironmentParams = z.infer<typeof EnvironmentParams>;
export type ApplicationParams = z.infer<typeof ApplicationParams>;
export const TenantMemberParams = TenantParams.extend({ username: Username });
export const ProjectMemberParams = ProjectParams.extend({ username: Username });
export const EnvironmentMemberParams = EnvironmentParams.extend({ username: Username });
