import "server-only";
import { processSingleton } from "@/lib/cache/process-singleton";
import { createRuntimePool, type RuntimePool } from "./pool";

/** The one built-in runtime pool of this process: every deployment and preview shares its workers. */
export const sharedPool = (): RuntimePool => processSingleton("models.runtime-pool", createRuntimePool);
