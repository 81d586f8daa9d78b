import "server-only";
import { unauthorized } from "@/lib/errors";
import type { UserRow } from "@/lib/db/schema";
import { loginThrottle } from "./login-throttle";
import { verifyPassword } from "./password";
import { resolveLoginAccount } from "./resolve-login-account";
import { throttled } from "./throttle-error";

const INVALID = "The username or password is incorrect.";

/** Checks a username and password under the login throttle. Unknown users, wrong passwords
 *  and disabled accounts all answer the same way. */
export async function verifyCredentials(input: {
  username: string;
  password: string;
  clientAddress: string | null;
}): Promise<UserRow> {
  const throttle = loginThrottle();
  // A blocked address is refused before it costs a database lookup.
  let wait = await throttle.retryAfter(null, input.clientAddress);
  if (wait > 0) throw throttled(wait);
  const { user, key } = await resolveLoginAccount(input.username);
  wait = await throttle.retryAfter(key, input.clientAddress);
  if (wait > 0) throw throttled(wait);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabled) {
    await throttle.recordFailure(key, input.clientAddress);
    throw unauthorized(INVALID);
  }
  await throttle.recordSuccess(key);
  return user;
}
