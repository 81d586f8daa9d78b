import { AuditQuery, listAudit } from "@/lib/audit";
import { route } from "@/lib/http/route";
import { tenantScope } from "@/lib/tenancy";

export const GET = route(
  { permission: "audit.read", query: AuditQuery, scope: (ctx, _params, query) => (query.tenant ? tenantScope(ctx, { tenant: query.tenant }) : Promise.resolve({})) },
  ({ ctx, input }) => listAudit({ ctx, input: input.query }),
);
