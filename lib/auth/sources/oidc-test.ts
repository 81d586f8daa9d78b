import "server-only";
import type { TestStep } from "./ldap";
import type { OidcConfig } from "./schemas";

/** Discovery (or the configured endpoints) answer: the part of OIDC a server can check alone. */
export async function testOidc(config: OidcConfig): Promise<TestStep[]> {
  const steps: TestStep[] = [];
  const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
  try {
    if (config.issuer) {
      const url = `${config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
      const res = await get(url);
      if (!res.ok) return [{ step: "discovery", ok: false, detail: `${url} answered ${res.status}` }];
      const doc = (await res.json()) as { issuer?: string; authorization_endpoint?: string; token_endpoint?: string };
      const sameIssuer = doc.issuer?.replace(/\/$/, "") === config.issuer.replace(/\/$/, "");
      steps.push({
        step: "discovery",
        ok: sameIssuer && Boolean(doc.authorization_endpoint && doc.token_endpoint),
        detail: sameIssuer ? `issuer ${doc.issuer}` : `the document names issuer ${doc.issuer}`,
      });
    } else {
      for (const [step, url] of [
        ["authorize", config.authorizationUrl!],
        ["token", config.tokenUrl!],
        ["userinfo", config.userinfoUrl!],
      ] as const) {
        const res = await get(url);
        steps.push({ step, ok: res.status < 500, detail: `${url} answered ${res.status}` });
      }
    }
  } catch (error) {
    steps.push({ step: steps.length ? "endpoints" : "discovery", ok: false, detail: (error as Error).message });
  }
  return steps;
}
