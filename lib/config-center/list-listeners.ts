import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "./backend/select";
import { listenerDto } from "./dto";
import { locate, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Who listens to a config lately and whether they hold its current content. */
export const listListeners = verb(
  "configs.listeners",
  "configs.read",
  async ({ ctx, input }: VerbArgs<{ dataId: string; channel?: Channel }, EnvironmentCtx>) => {
    const loc = await locate(ctx);
    const backend = await backendFor(loc, input.channel && "embedded");
    const [items, md5s] = await Promise.all([backend.listeners(loc, input.dataId), backend.md5s(loc, [input.dataId])]);
    return { dataId: input.dataId, md5: md5s.get(input.dataId) ?? "", items: items.map(listenerDto) };
  },
);
