import "server-only";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { latestEntryOfConfig } from "./backend/embedded/history";
import { historyDto } from "./dto";
import { locate } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Nacos' `history/previous` on Facet's own store: the newest entry of a config id. */
export const getPreviousHistory = verb(
  "configs.history.previous",
  "configs.read",
  async ({ ctx, input }: VerbArgs<{ dataId: string; configId: number }, EnvironmentCtx>) => {
    const entry = await latestEntryOfConfig(await locate(ctx), input.dataId, input.configId);
    if (!entry) throw new AppError("NOT_FOUND", "The history entry does not exist.");
    return historyDto(entry, true);
  },
);
