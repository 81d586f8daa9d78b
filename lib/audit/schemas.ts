// Safe to import from client components.
import { z } from "zod";

const DAY_MS = 86_400_000;
const Instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
/** A date alone means the whole day (UTC): `from` its first instant, `to` its last. */
const From = Instant.or(z.iso.date().transform((v) => new Date(v)));
const To = Instant.or(z.iso.date().transform((v) => new Date(Date.parse(v) + DAY_MS - 1)));

export const AuditQuery = z.object({
  tenant: z.string().max(63).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: From.optional(),
  to: To.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(64).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
