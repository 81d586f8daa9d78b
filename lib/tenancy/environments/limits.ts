import { parseBytes, parseCpu } from "../quantity";
import type { CreateEnvironmentInput } from "../schemas";

/** Column values for the container defaults given; absent ones keep the table defaults. */
export function limitColumns(limits: CreateEnvironmentInput["limits"]) {
  const out: Partial<
    Record<
      "defaultRequestCpuMilli" | "defaultRequestMemoryBytes" | "defaultLimitCpuMilli" | "defaultLimitMemoryBytes",
      number
    >
  > = {};
  if (limits?.defaultRequest?.cpu) out.defaultRequestCpuMilli = parseCpu(limits.defaultRequest.cpu)!;
  if (limits?.defaultRequest?.memory) out.defaultRequestMemoryBytes = parseBytes(limits.defaultRequest.memory)!;
  if (limits?.default?.cpu) out.defaultLimitCpuMilli = parseCpu(limits.default.cpu)!;
  if (limits?.default?.memory) out.defaultLimitMemoryBytes = parseBytes(limits.default.memory)!;
  return out;
}
