// Safe to import from client components.
import { z } from "zod";

export const CreateTokenInput = z.object({
  name: z.string().min(1, "Name the token after what uses it.").max(128),
  expiresInDays: z.number().int().min(1).max(365).default(30),
  scope: z.enum(["read-only", "read-write"]).default("read-write"),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const TokenParams = z.object({ id: z.coerce.number().int().positive() });
