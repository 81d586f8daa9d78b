// Safe to import from client components.
import { z } from "zod";

const When = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((v) => new Date(v));

export const AuditQuery = z.object({
  tenant: z.string().max(63).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: When.optional(),
  to: When.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(64).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
