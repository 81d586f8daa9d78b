// Safe to import from client components.
import { z } from "zod";
import { ApplicationParams, EnvironmentParams } from "@/lib/tenancy/schemas";
import { EDITABLE_RESOURCES } from "./resources";

export const ScaleInput = z.object({ replicas: z.number().int().min(0).max(100) });
export const PodParams = EnvironmentParams.extend({ pod: z.string().min(1).max(253) });
export const LogsQuery = z.object({
  tail: z.coerce.number().int().min(1).max(5000).default(200),
  container: z.string().max(253).optional(),
});
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
export { ApplicationParams };
