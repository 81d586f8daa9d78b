import "server-only";
import { auditRefusal } from "@/lib/audit/audit-refusal";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/core/context";
import { CONFIG_TYPES, type ConfigType } from "../../constants";
import { deleteConfig } from "../../delete-config";
import { getConfig } from "../../get-config";
import { publishConfig } from "../../publish-config";
import { configTarget } from "../../location";
import { assertDataId } from "../../validate-content";
import { contextFor, effectiveTarget } from "../access";
import { param, readParams } from "../params";
import { authenticateNacos, type Principal } from "../principal";
import { jsonReply, NOT_EXIST, textReply } from "../respond";
import { configAllInfo } from "../shapes";
import { searchConfigs } from "./search";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export interface NacosCall {
  params: URLSearchParams;
  principal: Principal;
  base: RequestContext;
}

export async function openNacosCall(request: Request, base: RequestContext): Promise<NacosCall> {
  const params = await readParams(request);
  return { params, principal: await authenticateNacos(params, request.headers), base };
}

/** The verb context of the config a call names; 400 for a malformed data id or group. */
export async function nacosTarget({
  params,
  principal,
  base,
}: NacosCall): Promise<{ ctx: EnvironmentCtx; dataId: string }> {
  const dataId = param(params, "dataId");
  if (!dataId) throw new AppError("VALIDATION", "dataId is required");
  assertDataId(dataId);
  const { namespace, group } = effectiveTarget(principal, param(params, "tenant"), param(params, "group"));
  return { ctx: await contextFor(principal, base, namespace, group), dataId };
}

/** GET /v1/cs/configs: raw content, `show=all` details, or `search=accurate|blur`. */
export async function getConfigs(request: Request, base: RequestContext): Promise<Response> {
  const call = await openNacosCall(request, base);
  const search = param(call.params, "search");
  if (search === "accurate" || search === "blur") return searchConfigs(call, search);
  const { ctx, dataId } = await nacosTarget(call);
  let config;
  try {
    config = await getConfig({ ctx, input: { dataId, channel: "nacos" } });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return textReply(NOT_EXIST, 404);
    throw error;
  }
  if (param(call.params, "show") === "all") return jsonReply(configAllInfo(config));
  return textReply(config.content, 200, {
    "Content-MD5": config.md5,
    "Config-Type": config.type,
    ...(config.updatedAt ? { "Last-Modified": new Date(config.updatedAt).toUTCString() } : {}),
  });
}

/** POST /v1/cs/configs: publish; header (or parameter) `casMd5` makes it a compare-and-set. */
export async function publishConfigs(request: Request, base: RequestContext): Promise<Response> {
  const call = await openNacosCall(request, base);
  const { ctx, dataId } = await nacosTarget(call);
  const content = call.params.get("content");
  if (content === null || content.trim() === "") throw new AppError("VALIDATION", "content is blank");
  const given = param(call.params, "type");
  // Nacos stores an unknown type as text.
  const type: ConfigType = CONFIG_TYPES.includes(given as ConfigType) ? (given as ConfigType) : "text";
  const casMd5 = (request.headers.get("casMd5") ?? param(call.params, "casMd5")).trim().toLowerCase();
  const input = {
    dataId,
    content,
    type,
    appName: param(call.params, "appName").slice(0, 128),
    description: param(call.params, "desc").slice(0, 512),
    tags: param(call.params, "config_tags")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .slice(0, 16),
    casMd5: casMd5 || undefined,
    channel: "nacos" as const,
  };
  await refusalsAudited(ctx, dataId, () => publishConfig({ ctx, input }));
  return jsonReply(true);
}

/** DELETE /v1/cs/configs: `true` even when there was nothing to delete, as Nacos answers. */
export async function deleteConfigs(request: Request, base: RequestContext): Promise<Response> {
  const { ctx, dataId } = await nacosTarget(await openNacosCall(request, base));
  try {
    await refusalsAudited(ctx, dataId, () => deleteConfig({ ctx, input: { dataId, channel: "nacos" } }));
  } catch (error) {
    if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
  }
  return jsonReply(true);
}

/** A refused write leaves a `failure` audit row, as through the JSON API. */
async function refusalsAudited<T>(ctx: EnvironmentCtx, dataId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await auditRefusal(ctx, "configs.write", configTarget(ctx, dataId), error);
    throw error;
  }
}
