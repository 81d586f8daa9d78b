export { issueLoginToken, type LoginResult } from "./issue-login-token";
export { LoginInput } from "./schemas";
export type { Actor } from "./actor";
