import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { logger } from "@/lib/observability/logger";
import { signIn } from "./next-auth";
import { LoginInput } from "./schemas";

export type SignInFormState = {
  error?: "invalid" | "throttled" | "unavailable";
  /** Fields that are missing or too long; the form words the message in the user's language. */
  fields?: Partial<Record<"username" | "password", true>>;
  username?: string;
};

/** The console's sign-in: validates the form, signs in, and redirects inside the app only.
 *  On success next-auth throws a redirect, which must propagate. */
export async function signInWithForm(formData: FormData): Promise<SignInFormState> {
  const username = String(formData.get("username") ?? "");
  const parsed = LoginInput.safeParse({ username, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fields: SignInFormState["fields"] = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as "username" | "password"] = true;
    return { fields, username };
  }
  const redirectTo = safeCallbackPath(String(formData.get("callbackUrl") ?? ""));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "throttled" ? "throttled" : "invalid", username };
    }
    if (error instanceof AuthError) {
      logger.error({ err: error }, "sign-in failed");
      return { error: "unavailable", username };
    }
    throw error;
  }
}
