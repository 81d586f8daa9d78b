import "server-only";
import { auditOps } from "@/lib/audit/operations";
import { authSourceOps } from "@/lib/auth/sources/operations";
import { tokenOps } from "@/lib/auth/tokens/operations";
import { clusterOps } from "@/lib/clusters/operations";
import { sandboxCredentialOps } from "@/lib/clusters/sandbox-credentials/operations";
import { configOps } from "@/lib/config-center/operations";
import { loggingOps } from "@/lib/logging/operations";
import { telemetryOps } from "@/lib/telemetry/operations";
import { workloadOps } from "@/lib/workloads/operations";
import { tenancyOps } from "@/lib/tenancy/operations";
import { usageOps } from "@/lib/usage/operations";
import { overviewOps } from "@/lib/overview/operations";
import { userOps } from "@/lib/users/operations";

/** Every operation the console may run through its server action, by name. */
export const CONSOLE_OPERATIONS = {
  ...tenancyOps,
  ...userOps,
  ...auditOps,
  ...authSourceOps,
  ...tokenOps,
  ...sandboxCredentialOps,
  ...clusterOps,
  ...workloadOps,
  ...configOps,
  ...telemetryOps,
  ...loggingOps,
  ...usageOps,
  ...overviewOps,
};
export type OperationName = keyof typeof CONSOLE_OPERATIONS;
export type OperationResult<N extends OperationName> = Awaited<ReturnType<(typeof CONSOLE_OPERATIONS)[N]["handler"]>>;
