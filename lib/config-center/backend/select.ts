import "server-only";
import { open } from "@/lib/crypto/secret-box";
import { embeddedBackend } from "./embedded";
import { NacosHttpBackend } from "./nacos-http/backend";
import { clusterAllowsPrivate, storedConfigBackend } from "./stored-backend";
import type { ConfigBackend, ConfigLocation } from "./types";

// One client per backend row version, so its login token is reused across requests.
const holder = globalThis as unknown as { facetNacosBackends?: Map<string, NacosHttpBackend> };

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
  const cache = (holder.facetNacosBackends ??= new Map());
  const id = `${row.id}:${row.version}:${allowPrivate}`;
  if (!cache.has(id)) {
    for (const k of cache.keys()) if (k.startsWith(`${row.id}:`)) cache.delete(k);
    cache.set(id, new NacosHttpBackend({ serverAddr: row.serverAddr, contextPath: row.contextPath, username: row.username, password: row.password ? open(row.password) : null, allowPrivate }));
  }
  return cache.get(id)!;
}
