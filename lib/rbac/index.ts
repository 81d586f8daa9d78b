export { decide, type Decision, type Scope } from "./decide";
export { PERMISSIONS, isWrite, type Permission } from "./permissions";
