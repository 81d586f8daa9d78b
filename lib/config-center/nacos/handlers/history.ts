import "server-only";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/core/context";
import { getHistory } from "../../get-history";
import { getPreviousHistory } from "../../get-previous-history";
import { listHistory } from "../../list-history";
import { namespaceOf } from "../../namespace";
import { intParam, param } from "../params";
import { jsonReply } from "../respond";
import { historyInfo, page } from "../shapes";
import { nacosTarget, openNacosCall } from "./configs";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

const whereOf = (ctx: EnvironmentCtx) => ({
  group: ctx.scope.environment.name,
  tenant: namespaceOf(ctx.scope.tenant.id, ctx.scope.project.id),
});

const idParam = (value: string) => {
  if (!/^\d{1,15}$/.test(value)) throw new AppError("VALIDATION", "a numeric id is required");
  return Number(value);
};

/** GET /v1/cs/history: `search=accurate` lists (newest first, no content); `nid` reads one. */
export async function history(request: Request, base: RequestContext): Promise<Response> {
  const call = await openNacosCall(request, base);
  const { ctx, dataId } = await nacosTarget(call);
  const where = whereOf(ctx);
  if (param(call.params, "search") === "accurate" || !call.params.get("nid")) {
    const pageNo = intParam(call.params.get("pageNo"), 1, 1_000_000);
    const pageSize = intParam(call.params.get("pageSize"), 100, 500);
    const found = await listHistory({ ctx, input: { dataId, pageNo, pageSize, channel: "nacos" } });
    return jsonReply(
      page(
        found.items.map((h) => historyInfo(h, where)),
        found.total,
        pageNo,
        pageSize,
      ),
    );
  }
  const entry = await getHistory({ ctx, input: { dataId, id: idParam(param(call.params, "nid")), channel: "nacos" } });
  return jsonReply(historyInfo(entry, where));
}

/** GET /v1/cs/history/previous: the newest entry of a config id (`id` is the config's id). */
export async function previousHistory(request: Request, base: RequestContext): Promise<Response> {
  const call = await openNacosCall(request, base);
  const { ctx, dataId } = await nacosTarget(call);
  const entry = await getPreviousHistory({ ctx, input: { dataId, configId: idParam(param(call.params, "id")) } });
  return jsonReply(historyInfo(entry, whereOf(ctx)));
}
