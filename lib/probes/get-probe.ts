import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { probeDto } from "./dto";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { probeLocation } from "./location";
import { uptimeByName } from "./uptime";

export const getProbe = verb(
  "probes.get",
  "probes.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const row = await getProbeInEnvironmentOrThrow(ctx, input.name);
    const uptime = await uptimeByName(await probeLocation(ctx), [row.name]);
    return probeDto(row, uptime.get(row.name));
  },
);
