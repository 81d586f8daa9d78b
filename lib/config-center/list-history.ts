import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "./backend/select";
import { historyDto } from "./dto";
import { locate, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Every publish and delete of a data id, newest first (also after the config is gone). */
export const listHistory = verb(
  "configs.history.list",
  "configs.read",
  async ({
    ctx,
    input,
  }: VerbArgs<{ dataId: string; pageNo: number; pageSize: number; channel?: Channel }, EnvironmentCtx>) => {
    const loc = await locate(ctx);
    const page = await (await backendFor(loc, input.channel && "embedded")).history(loc, input.dataId, input);
    // Numbered per config, 1 for its first change (history ids are global to the store).
    const first = (input.pageNo - 1) * input.pageSize;
    return {
      items: page.items.map((h, i) => ({ ...historyDto(h, false), revision: page.total - first - i })),
      total: page.total,
    };
  },
);
