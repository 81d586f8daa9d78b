// Safe to import from client components: a cluster's namespace policy as the API speaks it.
import { z } from "zod";
import { POD_SECURITY_LEVELS } from "@/lib/pod-security/levels";
import { DnsLabel } from "@/lib/tenancy/schemas";

const Level = z.enum(POD_SECURITY_LEVELS);
export const PodSecurityOverride = z
  .object({ enforce: Level.optional(), warn: Level.optional(), audit: Level.optional() })
  .strict();
export type PodSecurityOverride = z.infer<typeof PodSecurityOverride>;

/** A reserved entry: a namespace name, or a prefix ending in `-*`. */
const ReservedEntry = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(-\*)?$/, "A namespace name, or a prefix ending in '-*'.");

export const NamespacePolicyInput = z
  .object({
    adoptable: z.array(DnsLabel).max(500).default([]),
    reserved: z.array(ReservedEntry).max(500).default([]),
    podSecurity: z
      .object({
        default: PodSecurityOverride.default({}),
        types: z.partialRecord(z.enum(["dev", "test", "prod"]), PodSecurityOverride).default({}),
        tenants: z.record(DnsLabel, PodSecurityOverride).default({}),
      })
      .strict()
      .default({ default: {}, types: {}, tenants: {} }),
  })
  .strict();
export type NamespacePolicyInput = z.infer<typeof NamespacePolicyInput>;

export interface NamespacePolicyDto {
  cluster: string;
  adoptable: string[];
  reserved: string[];
  /** Always reserved, whatever the list says. */
  builtinReserved: string[];
  podSecurity: NamespacePolicyInput["podSecurity"];
  version: number;
}
