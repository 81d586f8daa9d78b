export * from "./users";
export * from "./api-tokens";
export * from "./tenants";
export * from "./clusters";
export * from "./tenancy";
export * from "./audit-logs";
export * from "./sandbox";
export * from "./config-center";
