export * from "./users";
export * from "./api-tokens";
export * from "./tenants";
export * from "./audit-logs";
