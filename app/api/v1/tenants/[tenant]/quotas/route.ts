import { route } from "@/lib/http/route";
import { listTenantQuotas, TenantParams, tenantScope } from "@/lib/tenancy";

export const GET = route({ params: TenantParams, scope: tenantScope, permission: "tenants.quotas.read" }, ({ ctx }) => listTenantQuotas({ ctx, input: undefined }));
