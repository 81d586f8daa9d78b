import "server-only";
import { Agent, fetch as undiciFetch, type RequestInit as UndiciInit } from "undici";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { refusalFor, type EgressOptions } from "./policy";
import { EgressRefused, guardedLookup } from "./resolve";

const agents = new Map<string, Agent>();

function agentFor(options: EgressOptions): Agent {
  const key = options.allowPrivate ? "private" : "public";
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(options) as never }, keepAliveTimeout: 10_000 });
    agents.set(key, agent);
  }
  return agent;
}

function refusedIn(error: unknown): EgressRefused | null {
  for (
    let e = error as { cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as { cause?: unknown } | undefined, depth++
  ) {
    if (e instanceof EgressRefused) return e;
  }
  return null;
}

/**
 * fetch() for addresses users supplied: every connection's addresses are checked by the egress
 * policy as it is made, and redirects are not followed (a redirect could lead anywhere).
 * A refusal is an UPSTREAM error that names the host, not the response of whatever is there.
 */
export async function egressFetch(
  url: string | URL,
  init: RequestInit & { upstream: string },
  options: EgressOptions = {},
): Promise<Response> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:")
    throw new AppError("UPSTREAM", `${init.upstream}: only http and https are allowed.`, {
      upstream: { name: init.upstream, retryable: false },
    });
  // Sockets skip `lookup` for IP literals, so those are checked here (names are checked as they resolve).
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) {
    const refusal = refusalFor(literal, options);
    if (refusal)
      throw new AppError("UPSTREAM", `${init.upstream}: ${new EgressRefused(target.hostname, refusal).message}`, {
        upstream: { name: init.upstream, retryable: false },
      });
  }
  try {
    const response = await undiciFetch(target, {
      ...(init as UndiciInit),
      redirect: "manual",
      dispatcher: agentFor(options),
    });
    return response as unknown as Response;
  } catch (error) {
    const refused = refusedIn(error);
    if (refused)
      throw new AppError("UPSTREAM", `${init.upstream}: ${refused.message}`, {
        upstream: { name: init.upstream, retryable: false },
        cause: error,
      });
    throw error;
  }
}
