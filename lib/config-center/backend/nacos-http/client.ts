import "server-only";
import { AppError, isAppError } from "@/lib/errors";
import { hiddenUpstreamError } from "@/lib/core/upstream-failure";
import { egressFetch } from "@/lib/net/egress";

export interface NacosServer {
  /** Base URL of the server, e.g. http://nacos.example:8848 */
  serverAddr: string;
  contextPath?: string;
  username?: string | null;
  password?: string | null;
  timeoutMs?: number;
  /** The cluster's sysadmin allowed private network addresses (lib/net/egress). */
  allowPrivate?: boolean;
}

export interface NacosReply {
  status: number;
  text: string;
}

type Params = Record<string, string | number | undefined>;

const UPSTREAM = "nacos";
const LABEL = "The external Nacos";

const clean = (params: Params) =>
  Object.fromEntries(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

/**
 * The v1 HTTP API of a Nacos server (1.x to 3.x with client compatibility on): logs in once,
 * sends the token as the `accessToken` query parameter, and logs in again when it is refused.
 */
export class NacosHttpClient {
  private token: { value: string; until: number } | null = null;
  private readonly base: string;

  constructor(private readonly server: NacosServer) {
    const root = /^https?:\/\//.test(server.serverAddr) ? server.serverAddr : `http://${server.serverAddr}`;
    this.base = `${root.replace(/\/+$/, "")}/${(server.contextPath ?? "nacos").replace(/^\/+|\/+$/g, "")}`;
  }

  async request(
    method: "GET" | "POST" | "DELETE",
    path: string,
    options: { query?: Params; form?: Params; headers?: Record<string, string> } = {},
  ): Promise<NacosReply> {
    const first = await this.send(method, path, options, await this.accessToken());
    if (first.status !== 403 || !this.server.username) return first;
    this.token = null;
    return this.send(method, path, options, await this.accessToken());
  }

  private async send(
    method: string,
    path: string,
    options: { query?: Params; form?: Params; headers?: Record<string, string> },
    token: string | null,
  ): Promise<NacosReply> {
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(clean(options.query ?? {}))) url.searchParams.set(k, v);
    if (token) url.searchParams.set("accessToken", token);
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
      body = new URLSearchParams(clean(options.form)).toString();
    }
    try {
      const response = await egressFetch(
        url,
        { method, headers, body, signal: AbortSignal.timeout(this.server.timeoutMs ?? 10_000), upstream: UPSTREAM },
        { allowPrivate: this.server.allowPrivate },
      );
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // A refusal by the egress policy says which rule; anything else is only "did not answer".
      if (isAppError(error))
        throw hiddenUpstreamError(
          UPSTREAM,
          LABEL,
          "answer",
          { url: `${this.base}${path}`, error: error.message },
          false,
        );
      throw hiddenUpstreamError(
        UPSTREAM,
        LABEL,
        "answer",
        { url: `${this.base}${path}`, error: String((error as Error)?.message ?? error) },
        true,
      );
    }
  }

  private async accessToken(): Promise<string | null> {
    if (!this.server.username) return null;
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const reply = await this.send(
      "POST",
      "/v1/auth/login",
      { form: { username: this.server.username, password: this.server.password ?? "" } },
      null,
    );
    if (reply.status !== 200) {
      throw new AppError("UPSTREAM", `The external Nacos refused Facet's credentials (HTTP ${reply.status}).`, {
        upstream: { name: UPSTREAM, retryable: false },
      });
    }
    let body: { accessToken?: string; tokenTtl?: number };
    try {
      body = JSON.parse(reply.text);
    } catch {
      throw upstreamFailure(reply, "answer the login with JSON");
    }
    if (!body?.accessToken)
      throw new AppError("UPSTREAM", "The external Nacos answered the login without a token.", {
        upstream: { name: UPSTREAM, retryable: false },
      });
    // Renew a little early so that a request never carries a token about to expire.
    this.token = { value: body.accessToken, until: Date.now() + (body.tokenTtl ?? 18_000) * 900 };
    return this.token.value;
  }
}

/** Any answer but the expected one is the external server's failure: generic for the caller, in full in the log. */
export function upstreamFailure(reply: NacosReply, what: string): AppError {
  const retryable = reply.status >= 500 || reply.status === 429;
  return hiddenUpstreamError(UPSTREAM, LABEL, what, { status: reply.status, body: reply.text }, retryable);
}
