import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { listConfigs } from "../../list-configs";
import { parseNamespace } from "../../namespace";
import { contextFor, effectiveTarget } from "../access";
import { intParam, param } from "../params";
import { jsonReply } from "../respond";
import { configInfo, page } from "../shapes";
import type { NacosCall } from "./configs";

const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

/** The groups (environments) a search covers: the one named, or every match of a pattern. */
async function groupsOf(call: NacosCall, namespace: string, group: string, blur: boolean): Promise<string[]> {
  if (group && !(blur && group.includes("*"))) return [group];
  const candidates =
    call.principal.kind === "key"
      ? [call.principal.grant.environment.name]
      : (
          await getDb()
            .select({ name: environments.name })
            .from(environments)
            .where(eq(environments.projectId, parseNamespace(namespace)?.projectId ?? 0))
            .orderBy(asc(environments.name))
        ).map((e) => e.name);
  const pattern = group ? globToRegExp(group) : null;
  return candidates.filter((g) => !pattern || pattern.test(g));
}

/** GET /v1/cs/configs?search=accurate|blur: a Page of ConfigInfo across the groups the caller may read. */
export async function searchConfigs(call: NacosCall, mode: "accurate" | "blur"): Promise<Response> {
  const { params, principal, base } = call;
  const pageNo = intParam(params.get("pageNo"), 1, 1_000_000);
  const pageSize = intParam(params.get("pageSize"), 10, 500);
  const { namespace, group } = effectiveTarget(principal, param(params, "tenant"), param(params, "group"));
  const named = Boolean(group) && !(mode === "blur" && group.includes("*"));
  const groups = await groupsOf(call, namespace, group, mode === "blur");
  const query = {
    dataId: param(params, "dataId") || undefined,
    blur: mode === "blur",
    appName: param(params, "appName") || undefined,
    tag: param(params, "config_tags").split(",")[0]?.trim() || undefined,
    withContent: true,
    channel: "nacos" as const,
  };
  const items: ReturnType<typeof configInfo>[] = [];
  let total = 0;
  for (const g of groups) {
    try {
      const ctx = await contextFor(principal, base, namespace, g);
      // One group pages itself; several are merged, so each gives everything up to this page.
      const found = await listConfigs({
        ctx,
        input: named
          ? { ...query, pageNo, pageSize }
          : { ...query, pageNo: 1, pageSize: Math.min(pageNo * pageSize, 10_000) },
      });
      items.push(...found.items.map(configInfo));
      total += found.total;
    } catch (error) {
      // A search over several groups skips those the caller may not read.
      if (named || !(error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")))
        throw error;
    }
  }
  const pageItems = named
    ? items
    : items
        .sort((a, b) => a.group.localeCompare(b.group) || a.dataId.localeCompare(b.dataId))
        .slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return jsonReply(page(pageItems, total, pageNo, pageSize));
}
