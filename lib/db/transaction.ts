import "server-only";
import { getDb, type Transaction } from "./client";

/**
 * The write transaction of every verb. READ COMMITTED, because verbs lock a row
 * (SELECT … FOR UPDATE) and then read what others committed meanwhile; under MariaDB's
 * default REPEATABLE READ those reads would come from a snapshot taken before the lock.
 */
export function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDb().transaction(work, { isolationLevel: "read committed" });
}
