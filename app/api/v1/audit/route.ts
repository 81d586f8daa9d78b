import { auditOps } from "@/lib/audit/operations";
import { route } from "@/lib/http/route";

export const GET = route(auditOps.listAudit);
