import "server-only";
import { AppError, unauthorized } from "@/lib/errors";
import type { UserRow } from "@/lib/db/schema";
import { loginThrottle } from "./login-throttle";
import { authenticateLdap } from "./sources/ldap";
import { provisionExternalUser } from "./sources/provision-user";
import { enabledSource } from "./sources/store";

/** A directory sign-in, under the same throttle as local passwords. */
export async function verifyLdapCredentials(input: { source: string; username: string; password: string; clientAddress: string | null; requestId: string }): Promise<UserRow> {
  const throttle = loginThrottle();
  const key = `${input.source}/${input.username}`;
  const wait = throttle.retryAfter(key, input.clientAddress);
  if (wait > 0) throw new AppError("LIMIT_EXCEEDED", `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfter: wait });
  const source = await enabledSource(input.source, "ldap");
  if (!source || source.kind !== "ldap") {
    throttle.recordFailure(key, input.clientAddress);
    throw unauthorized("The username or password is incorrect.");
  }
  try {
    const profile = await authenticateLdap(source.config, source.secret, input.username, input.password);
    const user = await provisionExternalUser({ actor: null, scope: {}, requestId: input.requestId, clientAddress: input.clientAddress }, source.row.name, profile);
    if (user.disabled) throw unauthorized("The username or password is incorrect.");
    throttle.recordSuccess(key);
    return user;
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") throttle.recordFailure(key, input.clientAddress);
    throw error;
  }
}
