export * from "./tenants";
export * from "./projects";
export * from "./environments";
export * from "./applications";
export * from "./members";
export * from "./quotas";
export { tenantScope, projectScope, environmentScope } from "./scope";
export * from "./schemas";
