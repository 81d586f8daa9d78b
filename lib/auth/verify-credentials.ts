import "server-only";
import { AppError, unauthorized } from "@/lib/errors";
import type { UserRow } from "@/lib/db/schema";
import { findUserByUsername } from "./find-user";
import { loginThrottle } from "./login-throttle";
import { verifyPassword } from "./password";

const INVALID = "The username or password is incorrect.";

/** Checks a username and password under the login throttle. Unknown users, wrong passwords
 *  and disabled accounts all answer the same way. */
export async function verifyCredentials(input: {
  username: string;
  password: string;
  clientAddress: string | null;
}): Promise<UserRow> {
  const throttle = loginThrottle();
  const wait = throttle.retryAfter(input.username, input.clientAddress);
  if (wait > 0) {
    throw new AppError("LIMIT_EXCEEDED", `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfter: wait });
  }
  const user = await findUserByUsername(input.username);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabled) {
    throttle.recordFailure(input.username, input.clientAddress);
    throw unauthorized(INVALID);
  }
  throttle.recordSuccess(input.username);
  return user;
}
