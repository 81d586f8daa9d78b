import "server-only";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { open, seal } from "@/lib/crypto/secret-box";
import { configBackends, type ConfigBackendRow } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { parseWith } from "@/lib/core/parse-with";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { assertEgressAllowed } from "@/lib/net/egress";
import { probeNacos } from "./backend/nacos-http/probe";
import { storedConfigBackend } from "./backend/stored-backend";
import { configBackendDto } from "./dto";
import { splitNacosAddress } from "./nacos-address";
import { ConfigBackendInput, type ConfigBackendDto } from "./schemas";

type Nacos = Extract<ConfigBackendInput, { kind: "nacos" }>;

/** The password the change leaves in place: the given one, or (left out) the stored one. */
const passwordAfter = (input: Nacos, stored: ConfigBackendRow | null) =>
  input.password !== undefined ? input.password || null : stored?.password ? open(stored.password) : null;

/**
 * Points a cluster's environments at an external Nacos (or back at Facet's store). Cluster
 * settings are the sysadmin's, hence `clusters.create`. A Nacos is checked before it is
 * saved; the password is sealed at rest. Configs are not copied between stores.
 */
export const setClusterConfigBackend = verb(
  "configs.backend.set",
  "clusters.create",
  async ({ ctx, input }: VerbArgs<ConfigBackendInput & { cluster: string }>) => {
    const { cluster: name, ...body } = input;
    const backend = parseWith(ConfigBackendInput, body, "body");
    const cluster = await clusterOrThrow(name);
    const before = await storedConfigBackend(cluster.id);
    const nacos = backend.kind === "nacos" ? backend : null;
    const target = nacos && { ...splitNacosAddress(nacos.address), username: nacos.username || null };
    // Outside the transaction: a slow or dead server must not hold row locks. The address is
    // checked by the egress policy first (422 naming the field), and again on every connection.
    if (nacos && target) {
      await assertEgressAllowed(nacos.address, { allowPrivate: cluster.egressPrivateAllowed, path: "body.address" });
      await probeNacos({
        ...target,
        password: passwordAfter(nacos, before),
        allowPrivate: cluster.egressPrivateAllowed,
      });
    }
    return inTransaction(async (tx): Promise<ConfigBackendDto> => {
      if (!nacos || !target) {
        await tx.delete(configBackends).where(eq(configBackends.clusterId, cluster.id));
      } else {
        // Left out, the password column is not touched: the stored secret stays as it was.
        const password = nacos.password === undefined ? {} : { password: nacos.password ? seal(nacos.password) : null };
        await tx
          .insert(configBackends)
          .values({ clusterId: cluster.id, kind: "nacos", ...target, ...password })
          .onDuplicateKeyUpdate({ set: { ...target, ...password, version: sql`${configBackends.version} + 1` } });
      }
      const after = configBackendDto(await storedConfigBackend(cluster.id, tx));
      await writeAudit(tx, ctx, {
        action: "configs.backend.set",
        target: `cluster/${cluster.name}`,
        before: configBackendDto(before),
        after,
      });
      return after;
    });
  },
);
