import { route } from "@/lib/http/route";
import { alertOps as ops } from "@/lib/alerts/operations";

export const GET = route(ops.getAlertRuleOperatorObjects);
