"use server";

import { signInWithForm, signInWithOidc, type SignInFormState } from "@/lib/auth/sign-in-with-form";

export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  return signInWithForm(formData);
}

export async function oidcSignInAction(formData: FormData): Promise<void> {
  await signInWithOidc(String(formData.get("source") ?? ""), String(formData.get("callbackUrl") ?? "/"));
}
