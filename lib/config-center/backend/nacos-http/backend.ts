import "server-only";
import { AppError } from "@/lib/errors";
import { staleVersion } from "@/lib/core/if-match";
import type { Transaction } from "@/lib/db/client";
import type {
  ConfigBackend,
  ConfigLocation,
  ConfigQuery,
  ConfigRecord,
  ListenerRecord,
  Paged,
  PublishRequest,
  RollbackResult,
  WriteMeta,
  WriteResult,
} from "../types";
import { NacosHttpClient, upstreamFailure, type NacosReply, type NacosServer } from "./client";
import {
  configFromNacos,
  historyFromNacos,
  type NacosConfigInfo,
  type NacosHistoryInfo,
  type NacosPage,
} from "./shapes";

const key = (loc: ConfigLocation, dataId: string) => ({ dataId, group: loc.group, tenant: loc.namespace });
function json<T>(reply: NacosReply): T | null {
  if (!reply.text.trim()) return null;
  try {
    return JSON.parse(reply.text) as T;
  } catch {
    throw upstreamFailure(reply, "answer with JSON");
  }
}

/** A Nacos server reached over its v1 HTTP API (PROTOCOLS §1.8). */
export class NacosHttpBackend implements ConfigBackend {
  readonly kind = "nacos" as const;
  private readonly client: NacosHttpClient;

  constructor(server: NacosServer) {
    this.client = new NacosHttpClient(server);
  }

  async list(loc: ConfigLocation, query: ConfigQuery): Promise<Paged<ConfigRecord>> {
    const reply = await this.client.request("GET", "/v1/cs/configs", {
      query: {
        search: query.blur ? "blur" : "accurate",
        dataId: query.dataId ?? "",
        group: loc.group,
        tenant: loc.namespace,
        appName: query.appName,
        config_tags: query.tag,
        pageNo: query.pageNo,
        pageSize: query.pageSize,
      },
    });
    if (reply.status !== 200) throw upstreamFailure(reply, "list configs");
    const page = json<NacosPage<NacosConfigInfo>>(reply) ?? { totalCount: 0, pageItems: [] };
    return { items: page.pageItems.map(configFromNacos), total: page.totalCount };
  }

  async get(loc: ConfigLocation, dataId: string): Promise<ConfigRecord | null> {
    const reply = await this.client.request("GET", "/v1/cs/configs", { query: { ...key(loc, dataId), show: "all" } });
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw upstreamFailure(reply, "read a config");
    const info = json<NacosConfigInfo>(reply);
    return info ? configFromNacos(info) : null;
  }

  async md5s(loc: ConfigLocation, dataIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const dataId of new Set(dataIds)) found.set(dataId, (await this.get(loc, dataId))?.md5 ?? "");
    return found;
  }

  /** If-Match and create-only are checked against a fresh read, then enforced by casMd5. */
  async publish(_tx: Transaction, loc: ConfigLocation, req: PublishRequest, _meta?: WriteMeta): Promise<WriteResult> {
    const before = await this.get(loc, req.dataId);
    if (req.mustNotExist && before)
      throw new AppError("CONFLICT", `A config '${req.dataId}' already exists here; PUT it to change it.`);
    if (req.expectedVersion !== undefined) {
      if (!before)
        throw new AppError(
          "PRECONDITION_FAILED",
          `If-Match names version ${req.expectedVersion}, but the config does not exist (any more).`,
        );
      if (before.version !== req.expectedVersion) throw staleVersion(req.expectedVersion, before.version);
    }
    if (req.casMd5 && !before)
      throw new AppError(
        "CONFLICT",
        "The config changed since you read it (casMd5 does not match); read it again and retry.",
      );
    const casMd5 = req.casMd5 ?? (req.expectedVersion !== undefined ? before?.md5 : undefined);
    const reply = await this.client.request("POST", "/v1/cs/configs", {
      form: {
        ...key(loc, req.dataId),
        content: req.content,
        type: req.type,
        appName: req.appName || undefined,
        desc: req.description || undefined,
        config_tags: req.tags.length ? req.tags.join(",") : undefined,
      },
      headers: casMd5 ? { casMd5 } : {},
    });
    // Nacos 2.x answers a failed compare-and-set with 500 "Cas publish fail"; Facet with 409.
    if (reply.status === 409 || (reply.status === 500 && /cas publish fail/i.test(reply.text))) {
      throw new AppError(
        "CONFLICT",
        "The config changed since you read it (casMd5 does not match); read it again and retry.",
      );
    }
    if (reply.status !== 200 || reply.text.trim() !== "true") throw upstreamFailure(reply, "publish a config");
    return { op: before ? "U" : "I", before, after: await this.get(loc, req.dataId), historyId: null };
  }

  async remove(
    _tx: Transaction,
    loc: ConfigLocation,
    dataId: string,
    _meta?: WriteMeta,
    expectedVersion?: number,
  ): Promise<WriteResult> {
    const before = await this.get(loc, dataId);
    if (!before) throw new AppError("NOT_FOUND", "The config does not exist.");
    if (expectedVersion !== undefined && before.version !== expectedVersion)
      throw staleVersion(expectedVersion, before.version);
    const reply = await this.client.request("DELETE", "/v1/cs/configs", { query: key(loc, dataId) });
    if (reply.status !== 200) throw upstreamFailure(reply, "delete a config");
    return { op: "D", before, after: null, historyId: null };
  }

  async history(loc: ConfigLocation, dataId: string, page: { pageNo: number; pageSize: number }) {
    const reply = await this.client.request("GET", "/v1/cs/history", {
      query: { search: "accurate", ...key(loc, dataId), pageNo: page.pageNo, pageSize: page.pageSize },
    });
    if (reply.status !== 200) throw upstreamFailure(reply, "list history");
    const body = json<NacosPage<NacosHistoryInfo>>(reply) ?? { totalCount: 0, pageItems: [] };
    return { items: body.pageItems.map(historyFromNacos), total: body.totalCount };
  }

  async historyEntry(loc: ConfigLocation, dataId: string, id: number) {
    const reply = await this.client.request("GET", "/v1/cs/history", { query: { nid: id, ...key(loc, dataId) } });
    if (reply.status === 404 || reply.status === 403) return null;
    if (reply.status !== 200) throw upstreamFailure(reply, "read a history entry");
    const info = json<NacosHistoryInfo>(reply);
    return info && info.dataId === dataId && info.group === loc.group ? historyFromNacos(info) : null;
  }

  /** The console's rollback: delete what an insert created, else re-publish the old content. */
  async rollback(
    tx: Transaction,
    loc: ConfigLocation,
    dataId: string,
    historyId: number,
    _meta?: WriteMeta,
  ): Promise<RollbackResult> {
    const entry = await this.historyEntry(loc, dataId, historyId);
    if (!entry) throw new AppError("NOT_FOUND", "The history entry does not exist.");
    if (entry.op === "I") return { action: "deleted", ...(await this.remove(tx, loc, dataId)) };
    const current = await this.get(loc, dataId);
    const content = entry.before?.content ?? "";
    const result = await this.publish(tx, loc, {
      dataId,
      content,
      type: entry.before?.type ?? current?.type ?? "text",
      appName: entry.appName,
      description: current?.description ?? "",
      tags: current?.tags ?? [],
    });
    return { action: "restored", ...result };
  }

  async listeners(loc: ConfigLocation, dataId: string): Promise<ListenerRecord[]> {
    const reply = await this.client.request("GET", "/v1/cs/configs/listener", {
      query: { ...key(loc, dataId), sampleTime: 1 },
    });
    if (reply.status !== 200) throw upstreamFailure(reply, "list listeners");
    const status = json<{ lisentersGroupkeyStatus?: Record<string, string> }>(reply)?.lisentersGroupkeyStatus ?? {};
    const current = (await this.get(loc, dataId))?.md5 ?? "";
    return Object.entries(status).map(([client, md5]) => ({
      ip: client.split("#")[0],
      clientId: client,
      md5,
      inSync: md5 === current,
      waiting: false,
      lastSeenAt: null,
    }));
  }
}
