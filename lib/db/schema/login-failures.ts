import { char, index, mysqlTable, timestamp } from "drizzle-orm/mysql-core";
import { id } from "../columns";

/** Failed sign-ins of the last minute, by account (`u:`) and by client address (`a:`): shared by
 *  every replica, so the throttle holds whichever one a client reaches. Swept after the window. */
export const loginFailures = mysqlTable(
  "login_failures",
  {
    id: id(),
    // sha256 of the key: account keys are collation sort keys, of any length.
    keyHash: char("key_hash", { length: 64 }).notNull(),
    at: timestamp("at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.keyHash, t.at), index("login_failures_at_idx").on(t.at)],
);
