import "server-only";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "./backend/select";
import { historyDto } from "./dto";
import { locate, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** One change with the content before and after it: the data of a diff. */
export const getHistory = verb(
  "configs.history.get",
  "configs.read",
  async ({ ctx, input }: VerbArgs<{ dataId: string; id: number; channel?: Channel }, EnvironmentCtx>) => {
    const loc = await locate(ctx);
    const entry = await (await backendFor(loc, input.channel && "embedded")).historyEntry(loc, input.dataId, input.id);
    if (!entry) throw new AppError("NOT_FOUND", "The history entry does not exist.");
    return historyDto(entry, true);
  },
);
