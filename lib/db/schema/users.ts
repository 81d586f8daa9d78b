import { boolean, mysqlEnum, mysqlTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, timestamps, version } from "../columns";

export const SYSTEM_ROLES = ["sysadmin", "normal"] as const;

export const users = mysqlTable(
  "users",
  {
    id: id(),
    username: varchar("username", { length: 64 }).notNull(),
    displayName: varchar("display_name", { length: 128 }).notNull().default(""),
    email: varchar("email", { length: 255 }),
    // argon2id PHC string; null for users who only sign in through an external source.
    passwordHash: varchar("password_hash", { length: 255 }),
    systemRole: mysqlEnum("system_role", SYSTEM_ROLES).notNull().default("normal"),
    disabled: boolean("disabled").notNull().default(false),
    /** The external source the user signs in through (null: a local password). */
    authSource: varchar("auth_source", { length: 63 }),
    /** The user's id at that source (LDAP DN or OIDC subject). */
    externalId: varchar("external_id", { length: 512 }),
    /** Sessions issued before this moment are no longer honoured (password reset, revocation). */
    sessionsValidAfter: timestamp("sessions_valid_after", { fsp: 3, mode: "date" }),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username)],
);

export type UserRow = typeof users.$inferSelect;
