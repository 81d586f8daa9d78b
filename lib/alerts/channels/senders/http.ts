import "server-only";
import { egressFetch } from "@/lib/net/egress";
import { AppError } from "@/lib/errors";

/** A send that failed: the HTTP status when there was one. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** POSTs JSON through the egress policy; any non-2xx is a DeliveryError with a short body excerpt. */
export async function postJson(
  url: string,
  body: unknown,
  options: { signal: AbortSignal; headers?: Record<string, string>; upstream: string; operatorTrusted?: boolean },
): Promise<{ status: number; json: unknown }> {
  let response: Response;
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify(body),
    signal: options.signal,
    redirect: "manual" as const,
  };
  try {
    // Only the operator's own local Alertmanager skips the egress policy (see isLocalAlertmanager).
    response = options.operatorTrusted
      ? await fetch(url, init)
      : await egressFetch(url, { ...init, upstream: options.upstream });
  } catch (error) {
    if (error instanceof AppError) throw new DeliveryError(error.message);
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") throw new DeliveryError("timed out");
    throw new DeliveryError(e.cause?.code ?? e.cause?.message ?? e.message);
  }
  const text = await response.text().catch(() => "");
  if (response.status < 200 || response.status > 299)
    throw new DeliveryError(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`, response.status);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

export function authHeaders(
  auth: { type: string; username?: string },
  secrets: { token?: string; password?: string },
): Record<string, string> {
  if (auth.type === "bearer" && secrets.token) return { authorization: `Bearer ${secrets.token}` };
  if (auth.type === "basic")
    return {
      authorization: `Basic ${Buffer.from(`${auth.username ?? ""}:${secrets.password ?? ""}`).toString("base64")}`,
    };
  return {};
}
