import "server-only";
import { operation } from "@/lib/core/operation";
import { tenantScope } from "@/lib/tenancy/scope";
import { listAudit } from "./list-audit";
import { AuditQuery } from "./schemas";

export const auditOps = {
  listAudit: operation({
    verb: listAudit,
    query: AuditQuery,
    // Scoped to a tenant when one is named; otherwise only sysadmins may ask.
    scope: (ctx, _params, query) => (query.tenant ? tenantScope(ctx, { tenant: query.tenant }) : Promise.resolve({})),
    handler: ({ ctx, input }) => listAudit({ ctx, input: input.query }),
  }),
};
