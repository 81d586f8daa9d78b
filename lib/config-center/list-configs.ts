import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "./backend/select";
import type { ConfigQuery } from "./backend/types";
import { configDto, configSummaryDto } from "./dto";
import { locate, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** A page of the environment's configs, by data id; content only when asked for. */
export const listConfigs = verb(
  "configs.list",
  "configs.read",
  async ({ ctx, input }: VerbArgs<ConfigQuery & { channel?: Channel }, EnvironmentCtx>) => {
    const loc = await locate(ctx);
    const backend = await backendFor(loc, input.channel && "embedded");
    const page = await backend.list(loc, input);
    return {
      items: page.items.map((r) => (input.withContent ? configDto(ctx, loc, r) : configSummaryDto(ctx, loc, r))),
      total: page.total,
    };
  },
);
