// Safe to import from client components.
import { z } from "zod";

export const SandboxCredentialParams = z.object({ id: z.coerce.number().int().positive() });

export const ListSandboxCredentialsQuery = z.object({
  /** Sysadmins only: every user's credentials, not just their own. */
  all: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export type ListSandboxCredentialsQuery = z.infer<typeof ListSandboxCredentialsQuery>;
