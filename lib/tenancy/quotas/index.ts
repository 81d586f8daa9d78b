export { listTenantQuotas } from "./list-tenant-quotas";
export { getTenantQuota } from "./get-tenant-quota";
export { putTenantQuota } from "./put-tenant-quota";
export { type TenantQuotaDto } from "./quota-dto";
