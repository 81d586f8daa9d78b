export { decide, canReadEnvironment, RULES, type Decision } from "./decide";
export { PERMISSIONS, isWrite, type Permission } from "./permissions";
export type { Scope } from "./scope";
export * from "./roles";
