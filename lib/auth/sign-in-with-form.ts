import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { logger } from "@/lib/observability/logger";
import { signIn } from "./next-auth";
import { LoginInput } from "./schemas";

export type SignInFormState = {
  error?: "invalid" | "throttled" | "unavailable";
  /** Fields that are missing or too long; the form words the message in the user's language. */
  fields?: Partial<Record<"username" | "password", true>>;
  username?: string;
  source?: string;
};

/** The console's sign-in: validates the form, signs in, and redirects inside the app only.
 *  On success next-auth throws a redirect, which must propagate. */
export async function signInWithForm(formData: FormData): Promise<SignInFormState> {
  const username = String(formData.get("username") ?? "");
  const source = String(formData.get("source") ?? "local");
  const parsed = LoginInput.safeParse({ username, password: formData.get("password") ?? "", source });
  if (!parsed.success) {
    const fields: SignInFormState["fields"] = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as "username" | "password"] = true;
    return { fields, username };
  }
  const redirectTo = safeCallbackPath(String(formData.get("callbackUrl") ?? ""));
  try {
    await signIn("credentials", { username: parsed.data.username, password: parsed.data.password, source, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "throttled" ? "throttled" : "invalid", username, source };
    }
    if (error instanceof AuthError) {
      logger.error({ err: error }, "sign-in failed");
      return { error: "unavailable", username, source };
    }
    throw error;
  }
}

/** Starts an OpenID Connect sign-in; next-auth redirects to the provider. */
export async function signInWithOidc(source: string, callbackUrl: string): Promise<void> {
  await signIn(`oidc-${source}`, { redirectTo: safeCallbackPath(callbackUrl) });
}
