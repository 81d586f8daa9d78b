import "server-only";
import { operation } from "@/lib/core/operation";
import { getOverview } from "./get-overview";

export const overviewOps = {
  getOverview: operation({
    verb: getOverview,
    handler: ({ ctx }) => getOverview({ ctx, input: undefined }),
  }),
};
