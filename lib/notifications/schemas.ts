// Safe to import from client components.
import { z } from "zod";

export const NotificationsQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(64).optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const MarkReadBody = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export interface NotificationDto {
  id: number;
  title: string;
  body: string;
  severity: "info" | "warning" | "error" | "critical";
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
