import { bigint, mysqlTable, timestamp, uniqueIndex } from "drizzle-orm/mysql-core";
import { id, ref } from "../columns";
import { users } from "./users";

/** Console sessions ended by signing out, until they would have expired anyway. A session is
 *  a signed cookie; this makes signing out hold even if a copy of the cookie comes back. */
export const signedOutSessions = mysqlTable(
  "signed_out_sessions",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The session's sign-in time (ms), which with the user names the session. */
    authAt: bigint("auth_at", { mode: "number", unsigned: true }).notNull(),
    expiresAt: timestamp("expires_at", { fsp: 3, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("signed_out_sessions_uq").on(t.userId, t.authAt)],
);
