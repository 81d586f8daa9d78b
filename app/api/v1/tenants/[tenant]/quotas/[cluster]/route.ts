import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { getTenantQuota, putTenantQuota, QuotaInput, QuotaParams, tenantScope } from "@/lib/tenancy";

const scoped = { params: QuotaParams, scope: tenantScope, etag: true } as const;

export const GET = route({ ...scoped, permission: "tenants.quotas.read" }, ({ ctx, input }) => getTenantQuota({ ctx, input: { cluster: input.params.cluster } }));
export const PUT = route({ ...scoped, permission: "tenants.quotas.update", body: QuotaInput }, ({ ctx, input, request }) =>
  putTenantQuota({ ctx, input: { cluster: input.params.cluster, quota: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
