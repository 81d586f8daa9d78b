export { listAudit } from "./list-audit";
export { AuditQuery } from "./schemas";
