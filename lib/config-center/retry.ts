import "server-only";
import { isDuplicateKey } from "@/lib/db/rows";

/** Two first publishes of one data id race on the unique key; the loser runs again and
 *  then finds the row (an update, or a 409 for create-only). */
export async function retryOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return work();
  }
}
