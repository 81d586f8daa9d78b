"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { SignInFormState } from "@/lib/auth/sign-in-with-form";

type SignInAction = (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;

export function LoginForm({
  action,
  callbackUrl,
  directories,
}: {
  action: SignInAction;
  callbackUrl: string;
  directories: { name: string; displayName: string }[];
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-6 space-y-4" aria-label={t("login.title")} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && <Alert variant="destructive">{t(`login.error.${state.error}`)}</Alert>}
      {directories.length > 0 && (
        <div className="space-y-1.5">
          <Label htmlFor="source">{t("login.source")}</Label>
          <NativeSelect key={state.source ?? "local"} id="source" name="source" defaultValue={state.source ?? "local"}>
            <option value="local">{t("login.localAccount")}</option>
            {directories.map((d) => (
              <option key={d.name} value={d.name}>
                {d.displayName}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <div className="space-y-1.5">
        <Label htmlFor="username">{t("login.username")}</Label>
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          defaultValue={state.username}
          aria-invalid={Boolean(state.fields?.username)}
          aria-describedby={state.fields?.username ? "username-error" : undefined}
        />
        {state.fields?.username && (
          <p id="username-error" className="text-xs text-destructive">
            {t("login.usernameRequired")}
          </p>
        )}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">{t("login.password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(state.fields?.password)}
          aria-describedby={state.fields?.password ? "password-error" : undefined}
        />
        {state.fields?.password && (
          <p id="password-error" className="text-xs text-destructive">
            {t("login.passwordRequired")}
          </p>
        )}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
