import "server-only";
import { listenerHub } from "../../listeners/hub";
import type { ConfigBackend, ListenerRecord } from "../types";
import { historyEntry, listHistory } from "./history";
import { currentMd5s, getConfig, listConfigs } from "./read";
import { rollbackConfig } from "./rollback";
import { publishConfig, removeConfig } from "./write";

/** Facet's own store: MariaDB tables, listeners in this process. */
export const embeddedBackend: ConfigBackend = {
  kind: "embedded",
  list: listConfigs,
  get: getConfig,
  md5s: currentMd5s,
  publish: publishConfig,
  remove: removeConfig,
  history: listHistory,
  historyEntry,
  rollback: rollbackConfig,
  async listeners(loc, dataId): Promise<ListenerRecord[]> {
    const current = (await currentMd5s(loc, [dataId])).get(dataId) ?? "";
    return listenerHub()
      .clientsOf(loc.environmentId, dataId)
      .map((c) => ({
        ip: c.ip,
        clientId: c.clientId,
        md5: c.md5,
        inSync: c.md5 === current,
        waiting: c.waiting,
        lastSeenAt: c.lastSeenAt,
      }));
  },
};
