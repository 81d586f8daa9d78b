import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session-actor";
import type { AuthedContext } from "@/lib/core/context";
import { publicOrigin as originOf } from "./origin";
import { loginPath } from "./login-path";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";

/** The verb context for a server component; no session → the login page. */
export async function pageContext(): Promise<AuthedContext> {
  const [actor, h] = await Promise.all([sessionActor(), headers()]);
  if (!actor) redirect(loginPath(h));
  return { actor, scope: {}, requestId: requestIdFrom(h), clientAddress: clientAddressFrom(h) };
}

/** The origin the browser used, for snippets shown to the user. */
export async function publicOrigin(): Promise<string> {
  return originOf(await headers());
}
