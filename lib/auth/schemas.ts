import { z } from "zod";

// Safe to import from client components.
export const Username = z
  .string()
  .min(1, "Enter a username.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, "Letters, digits, '.', '_' and '-' only.");

export const LoginInput = z.object({
  username: z.string().min(1, "Enter a username.").max(64),
  password: z.string().min(1, "Enter a password.").max(256),
  /** A directory (LDAP) login source by name; absent or "local" for a Facet password. */
  source: z.string().max(63).optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;
