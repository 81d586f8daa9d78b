import { startOidcProvider } from "../../lib/testing/oidc-op";
import { startSlapd } from "../../lib/testing/slapd";
import { disabledUser, normalUser } from "./accounts";
import { ensureUser } from "./db";

// Real directory and identity provider servers for the login-source tests, kept up for the
// whole run; their addresses reach the tests through the environment.
export default async function globalSetup() {
  await ensureUser(normalUser.username, normalUser.password);
  await ensureUser(disabledUser.username, disabledUser.password, { disabled: true });
  // Next reports 127.0.0.1 as "localhost" to next-auth, so OAuth round trips use localhost.
  const base = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  const [slapd, op] = await Promise.all([
    startSlapd(),
    startOidcProvider([`${base}/api/auth/callback/oidc-sso`, `${base}/api/auth/callback/oidc-manual`]),
  ]);
  process.env.E2E_LDAP_URL = slapd.url;
  process.env.E2E_OIDC_ISSUER = op.issuer;
  return async () => {
    await Promise.all([slapd.stop(), op.stop()]);
  };
}
