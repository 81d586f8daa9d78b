export { listTenants } from "./list-tenants";
export { createTenant } from "./create-tenant";
export { getTenant } from "./get-tenant";
export { updateTenant } from "./update-tenant";
export { deleteTenant } from "./delete-tenant";
