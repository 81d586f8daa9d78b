// Safe to import from client components.
import { z } from "zod";
import { Username } from "@/lib/auth/schemas";
import { PasswordRules } from "@/lib/auth/password-rules";

export const Password = z
  .string()
  .min(PasswordRules.min, `At least ${PasswordRules.min} characters.`)
  .max(PasswordRules.max);
export const SystemRole = z.enum(["sysadmin", "normal"]);

export const CreateUserInput = z.object({
  username: Username,
  password: Password,
  email: z.email("Enter a valid email address.").max(255).nullish(),
  displayName: z.string().max(128).default(""),
  systemRole: SystemRole.default("normal"),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  email: z.email("Enter a valid email address.").max(255).nullable().optional(),
  displayName: z.string().max(128).optional(),
  systemRole: SystemRole.optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserParams = z.object({ username: z.string().min(1).max(64) });
