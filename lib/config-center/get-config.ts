import "server-only";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "./backend/select";
import { configDto } from "./dto";
import { locate, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getConfig = verb(
  "configs.get",
  "configs.read",
  async ({ ctx, input }: VerbArgs<{ dataId: string; channel?: Channel }, EnvironmentCtx>) => {
    const loc = await locate(ctx);
    const record = await (await backendFor(loc, input.channel && "embedded")).get(loc, input.dataId);
    if (!record) throw new AppError("NOT_FOUND", "The config does not exist.");
    return configDto(ctx, loc, record);
  },
);
