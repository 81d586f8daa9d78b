import "server-only";
import { AppError } from "@/lib/errors";
import { NacosHttpClient, upstreamFailure, type NacosServer } from "./client";

// A key no one uses: reading it touches no real config, and 404 is a healthy answer.
const PROBE_KEY = { dataId: "facet.backend-check", group: "DEFAULT_GROUP" };

/**
 * Checks, before a cluster is pointed at it, that the server answers the Nacos v1 API and
 * accepts the credentials: with a username, the login must succeed (the client logs in
 * first); without one, an anonymous config read must not be refused.
 */
export async function probeNacos(server: NacosServer): Promise<void> {
  const client = new NacosHttpClient({ timeoutMs: 5_000, ...server });
  const reply = await client.request("GET", "/v1/cs/configs", { query: PROBE_KEY });
  if (reply.status === 200 || reply.status === 404) return;
  // Logged in, but the public namespace is not theirs to read: the credentials are still good.
  if (reply.status === 403 && server.username) return;
  if (reply.status === 403 || reply.status === 401) {
    throw new AppError("UPSTREAM", "The external Nacos requires credentials: give a username and password.", {
      upstream: { name: "nacos", retryable: false },
    });
  }
  throw upstreamFailure(reply, "answer Facet's check");
}
