import "server-only";
import { AppError, unauthorized } from "@/lib/errors";
import type { UserRow } from "@/lib/db/schema";
import { loginThrottle } from "./login-throttle";
import { resolveLoginAccount } from "./resolve-login-account";
import { authenticateLdap } from "./sources/ldap";
import { provisionExternalUser } from "./sources/provision-user";
import { enabledSource } from "./sources/store";
import { throttled } from "./throttle-error";

/** A directory sign-in, under the same throttle (and the same account keys) as local passwords. */
export async function verifyLdapCredentials(input: {
  source: string;
  username: string;
  password: string;
  clientAddress: string | null;
  requestId: string;
}): Promise<UserRow> {
  const throttle = loginThrottle();
  let wait = await throttle.retryAfter(null, input.clientAddress);
  if (wait > 0) throw throttled(wait);
  const { key } = await resolveLoginAccount(input.username);
  wait = await throttle.retryAfter(key, input.clientAddress);
  if (wait > 0) throw throttled(wait);
  const source = await enabledSource(input.source, "ldap");
  if (!source || source.kind !== "ldap") {
    await throttle.recordFailure(key, input.clientAddress);
    throw unauthorized("The username or password is incorrect.");
  }
  try {
    const profile = await authenticateLdap(source.config, source.secret, input.username, input.password);
    const user = await provisionExternalUser(
      { actor: null, scope: {}, requestId: input.requestId, clientAddress: input.clientAddress },
      source.row.name,
      profile,
    );
    if (user.disabled) throw unauthorized("The username or password is incorrect.");
    await throttle.recordSuccess(key);
    return user;
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED")
      await throttle.recordFailure(key, input.clientAddress);
    throw error;
  }
}
