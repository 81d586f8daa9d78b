import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentSessionUser } from "@/lib/auth/current-session";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { getTranslate } from "@/lib/i18n/server";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentSessionUser()) redirect(callbackUrl);
  const { t } = await getTranslate();
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted px-4">
      <div className="w-full max-w-sm rounded-lg border bg-card p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("login.title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("login.subtitle")}</p>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
