import "server-only";
import { AppError } from "@/lib/errors";
import type { EgressOptions } from "./policy";
import { refusalForHost } from "./resolve";

/**
 * Save-time check of a URL a user typed: http(s) only, and a host the egress policy allows.
 * Refusals are validation errors naming the field; the connection itself is checked again.
 */
export async function assertEgressAllowed(raw: string, options: EgressOptions & { path: string }): Promise<URL> {
  const invalid = (message: string) =>
    new AppError("VALIDATION", `The address is not allowed: ${message}`, { errors: [{ path: options.path, message }] });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("it is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw invalid("only http and https URLs are allowed");
  let refusal: string | null;
  try {
    refusal = await refusalForHost(url.hostname, options);
  } catch {
    throw invalid(`the host '${url.hostname}' does not resolve`);
  }
  if (refusal) throw invalid(refusal);
  return url;
}
