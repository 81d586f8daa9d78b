import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getDb } from "./client";
import { cacheEpochs } from "./schema";

/** Versions of what per-process caches hold. Database triggers bump them in the writing
 *  transaction (migration cache_epochs), so no code path can forget, and every replica sees it. */
export interface Epochs {
  /** users, API tokens, sign-outs */
  auth: number;
  /** tenants, projects, environment names, every membership */
  tenancy: number;
  /** environment rows, including their sync status, cluster names, applications created or deleted */
  environments: number;
}

const perRequest = new AsyncLocalStorage<{ epochs?: Promise<Epochs> }>();

async function readEpochs(): Promise<Epochs> {
  const rows = await getDb().select().from(cacheEpochs);
  const value = (name: string) => rows.find((r) => r.name === name)?.value ?? 0;
  return { auth: value("auth"), tenancy: value("tenancy"), environments: value("environments") };
}

// Requests share reads, but never one sent before they arrived: at most one read is in
// flight, and whoever arrives meanwhile joins the next, sent when it returns. A change
// committed before a request arrived is therefore always seen by it, while under load the
// database answers one epochs read per round trip instead of one per request.
let inflight: Promise<Epochs> | null = null;
let next: Promise<Epochs> | null = null;

function send(): Promise<Epochs> {
  const read = readEpochs().finally(() => {
    if (inflight === read) inflight = null;
  });
  inflight = read;
  return read;
}

function sharedRead(): Promise<Epochs> {
  if (!inflight) return send();
  next ??= inflight
    .catch(() => undefined)
    .then(() => {
      next = null;
      return send();
    });
  return next;
}

/** The epochs, read once per request (one primary-key read) inside withRequestEpochs(), and
 *  afresh on every call outside it. */
export function currentEpochs(): Promise<Epochs> {
  const store = perRequest.getStore();
  if (!store) return sharedRead();
  store.epochs ??= sharedRead().catch((error) => {
    store.epochs = undefined;
    throw error;
  });
  return store.epochs;
}

/** Runs one request: every currentEpochs() inside shares one read. */
export function withRequestEpochs<T>(work: () => Promise<T>): Promise<T> {
  return perRequest.run({}, work);
}
