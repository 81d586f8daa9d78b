"use server";

import { headers } from "next/headers";
import { auth, signOut } from "@/lib/auth/next-auth";
import { recordSignOut } from "@/lib/auth/signed-out-sessions";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";

export async function signOutAction(): Promise<void> {
  const [session, h] = await Promise.all([auth(), headers()]);
  const id = Number(session?.user?.id);
  const { authAt, username } = (session ?? {}) as { authAt?: number; username?: string };
  if (Number.isSafeInteger(id) && id > 0 && authAt && username) {
    await recordSignOut(
      { actor: null, scope: {}, requestId: requestIdFrom(h), clientAddress: clientAddressFrom(h) },
      { id, username },
      authAt,
    );
  }
  await signOut({ redirectTo: "/login" });
}
