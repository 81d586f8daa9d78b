// Safe to import from client components.
import { z } from "zod";
import { DnsLabel } from "@/lib/tenancy/schemas";

export const ImportClusterInput = z.object({
  name: DnsLabel,
  description: z.string().max(512).default(""),
  kubeconfig: z
    .string()
    .min(1, "Paste a kubeconfig.")
    .max(256 * 1024, "At most 256 KB."),
  /** Lets Facet reach private network addresses for this cluster (the usual case on premises). */
  allowPrivateAddresses: z.boolean().default(false),
});
export type ImportClusterInput = z.infer<typeof ImportClusterInput>;

export const ClusterParams = z.object({ cluster: DnsLabel });
