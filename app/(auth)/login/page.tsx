import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentSessionUser } from "@/lib/auth/current-session";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getTranslate } from "@/lib/i18n/server";
import { signInChoices } from "@/lib/auth/sources/store";
import { oidcSignInAction, signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentSessionUser()) redirect(callbackUrl);
  const [{ t }, sources] = await Promise.all([getTranslate(), signInChoices()]);
  const directories = sources.filter((s) => s.kind === "ldap");
  const providers = sources.filter((s) => s.kind === "oidc");
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted px-4">
      <div className="w-full max-w-sm rounded-lg border bg-card p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("login.title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("login.subtitle")}</p>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} directories={directories} />
        {providers.length > 0 && (
          <div className="mt-6 space-y-2 border-t pt-4">
            <p className="text-xs text-muted-foreground">{t("login.orWith")}</p>
            {providers.map((p) => (
              <form key={p.name} action={oidcSignInAction}>
                <input type="hidden" name="source" value={p.name} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="w-full rounded-md border px-3 py-2 text-sm hover:bg-accent">
                  {t("login.withProvider", { name: p.displayName })}
                </button>
              </form>
            ))}
          </div>
        )}
      </div>
    </main>
  );
}
