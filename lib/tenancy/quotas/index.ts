export { listTenantQuotas, getTenantQuota, putTenantQuota, type TenantQuotaDto } from "./quota-verbs";
