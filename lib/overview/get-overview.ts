import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getMyOverview } from "./get-my-overview";
import { getSystemOverview } from "./get-system-overview";
import type { Overview } from "./schemas";

/** The overview in the shape the caller's role calls for: the installation for sysadmins, their own corner for everyone else. */
export const getOverview = verb("overview.get", "me.read", async ({ ctx }: VerbArgs<void>): Promise<Overview> =>
  ctx.actor.systemRole === "sysadmin"
    ? getSystemOverview({ ctx, input: undefined })
    : getMyOverview({ ctx, input: undefined }),
);
