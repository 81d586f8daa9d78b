import { boolean, json, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, timestamps, version } from "../columns";

export const AUTH_SOURCE_KINDS = ["ldap", "oidc"] as const;

/** External sign-in sources. `config` holds what may be shown; `secret` (bind password or
 *  client secret) is sealed and never leaves the server. */
export const authSources = mysqlTable(
  "auth_sources",
  {
    id: id(),
    name: varchar("name", { length: 63 }).notNull(),
    kind: mysqlEnum("kind", AUTH_SOURCE_KINDS).notNull(),
    displayName: varchar("display_name", { length: 128 }).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    config: json("config").$type<Record<string, unknown>>().notNull(),
    secret: text("secret"),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("auth_sources_name_uq").on(t.name)],
);

export type AuthSourceRow = typeof authSources.$inferSelect;
