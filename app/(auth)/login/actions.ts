"use server";

import { signInWithForm, type SignInFormState } from "@/lib/auth/sign-in-with-form";

export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  return signInWithForm(formData);
}
