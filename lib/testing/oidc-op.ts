// A real OpenID Connect provider (the `oidc-provider` package) for tests, with its development
// sign-in pages: any login name signs in as that account.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "facet-console", secret: "facet-oidc-client-secret" };

export interface OidcOp {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the provider on a loopback port; `redirectUris` are Facet's callback URLs. */
export async function startOidcProvider(redirectUris: string[], port = 0): Promise<OidcOp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => ({ sub, preferred_username: sub, email: `${sub}@idp.test`, name: `OIDC ${sub}` }),
      };
    },
  });
  if (process.env.OIDC_DEBUG) {
    provider.use(
      async (ctx: { method: string; url: string; request: { body?: unknown } }, next: () => Promise<void>) => {
        await next();
        console.error(
          "oidc",
          ctx.method,
          ctx.url.slice(0, 300),
          JSON.stringify((ctx as unknown as { oidc?: { params?: unknown } }).oidc?.params ?? {}).slice(0, 400),
        );
      },
    );
  }
  if (process.env.OIDC_DEBUG)
    provider.on("grant.error", (_ctx: unknown, error: Error & { error_detail?: string }) =>
      console.error("oidc grant.error", error.message, error.error_detail),
    );
  server.on("request", provider.callback());
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
