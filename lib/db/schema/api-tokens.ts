import { char, index, mysqlEnum, mysqlTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";
import { users } from "./users";

export const TOKEN_KINDS = ["login", "personal"] as const;
export const TOKEN_SCOPES = ["read-write", "read-only"] as const;

export const apiTokens = mysqlTable(
  "api_tokens",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: mysqlEnum("kind", TOKEN_KINDS).notNull(),
    name: varchar("name", { length: 128 }).notNull(),
    // sha256 of the token; the token itself is shown once and never stored.
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    scope: mysqlEnum("scope", TOKEN_SCOPES).notNull().default("read-write"),
    expiresAt: timestamp("expires_at", { fsp: 3, mode: "date" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { fsp: 3, mode: "date" }),
    revokedAt: timestamp("revoked_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId, t.kind)],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
