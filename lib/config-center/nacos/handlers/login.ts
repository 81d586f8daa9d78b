import "server-only";
import { issueLoginToken } from "@/lib/auth/issue-login-token";
import { loginTokenTtlSeconds } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/core/context";
import { looksLikeKeyUsername } from "../../keys/credentials";
import { KEY_TOKEN_TTL_SECONDS, signKeyToken } from "../access-token";
import { param, readParams } from "../params";
import { keyByPassword } from "../principal";
import { jsonReply } from "../respond";

/** POST /v1/auth/login: a config key, or a Facet user (login throttle, audit, API token). */
export async function login(request: Request, base: RequestContext): Promise<Response> {
  const params = await readParams(request);
  const username = param(params, "username");
  const password = param(params, "password");
  if (!username || !password) throw new AppError("UNAUTHORIZED", "unknown user!");
  if (looksLikeKeyUsername(username)) {
    const grant = await keyByPassword(username, password);
    return jsonReply({
      accessToken: signKeyToken(grant.key.id),
      tokenTtl: KEY_TOKEN_TTL_SECONDS,
      globalAdmin: false,
      username,
    });
  }
  const issued = await issueLoginToken({ ctx: base, input: { username, password } });
  const reply = jsonReply({
    accessToken: issued.token,
    tokenTtl: loginTokenTtlSeconds(),
    globalAdmin: issued.user.systemRole === "sysadmin",
    username: issued.user.username,
  });
  reply.headers.set("Authorization", `Bearer ${issued.token}`);
  return reply;
}
