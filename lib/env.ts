// Configuration read from the environment, with the defaults the README states.
import { resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/facet";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Lifetime of API bearer tokens issued by POST /api/v1/login. */
export function loginTokenTtlSeconds(): number {
  return Number(process.env.FACET_TOKEN_TTL_SECONDS ?? 8 * 3600);
}

/** Where Facet keeps files (model blobs, generated configs): FACET_DATA_DIR, else .facet/data. */
export function dataDir(): string {
  return resolve(process.env.FACET_DATA_DIR || ".facet/data");
}
