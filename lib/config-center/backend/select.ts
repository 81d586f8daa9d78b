import "server-only";
import { processCache } from "@/lib/cache";
import { open } from "@/lib/crypto/secret-box";
import { embeddedBackend } from "./embedded";
import { NacosHttpBackend } from "./nacos-http/backend";
import { clusterAllowsPrivate, storedConfigBackend } from "./stored-backend";
import type { ConfigBackend, ConfigLocation } from "./types";

// One client per backend row version, so its login token is reused across requests.
const clients = processCache<string, NacosHttpBackend>("nacos-backends", { max: 256, ttlMs: 0 });

/**
 * The store of a location: the cluster's external Nacos when one is set, else Facet's own.
 * Facet's Nacos API always serves its own store (`embedded`): apps of a cluster with an
 * external Nacos talk to that server.
 */
export async function backendFor(loc: ConfigLocation, prefer?: "embedded"): Promise<ConfigBackend> {
  if (prefer === "embedded") return embeddedBackend;
  const row = await storedConfigBackend(loc.clusterId);
  if (!row) return embeddedBackend;
  const allowPrivate = await clusterAllowsPrivate(loc.clusterId);
  const id = `${row.id}:${row.version}:${allowPrivate}`;
  const known = clients.get(id);
  if (known) return known;
  for (const k of [...clients.keys()]) if (k.startsWith(`${row.id}:`)) clients.delete(k);
  const client = new NacosHttpBackend({
    serverAddr: row.serverAddr,
    contextPath: row.contextPath,
    username: row.username,
    password: row.password ? open(row.password) : null,
    allowPrivate,
  });
  clients.set(id, client);
  return client;
}
