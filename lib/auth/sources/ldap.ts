import "server-only";
import { isIP } from "node:net";
import type { ConnectionOptions } from "node:tls";
import { Client, InvalidCredentialsError } from "ldapts";
import { unauthorized } from "@/lib/errors";
import { userFilter } from "./ldap-filter";
import type { LdapConfig } from "./schemas";

export interface ExternalProfile {
  externalId: string;
  username: string;
  email: string | null;
  displayName: string;
}

const TIMEOUT_MS = 5_000;
const INVALID = "The username or password is incorrect.";

/** TLS for ldaps:// and StartTLS: the system's CAs, or the one the source names. StartTLS
 *  upgrades an open socket, so the host to check the certificate against (and SNI, for a
 *  name) must be given: Node would otherwise check it against "localhost". */
function tlsOptions(config: LdapConfig): ConnectionOptions {
  const host = new URL(config.url).hostname.replace(/^\[|\]$/g, "");
  return {
    host,
    ...(isIP(host) ? {} : { servername: host }),
    ...(config.caCertificate?.trim() ? { ca: [config.caCertificate] } : {}),
  };
}

// ldapts speaks TLS from the first byte whenever it is given TLS options: only for ldaps://.
const newClient = (config: LdapConfig) =>
  new Client({
    url: config.url,
    timeout: TIMEOUT_MS,
    connectTimeout: TIMEOUT_MS,
    ...(config.url.startsWith("ldaps:") ? { tlsOptions: tlsOptions(config) } : {}),
  });

async function connect(config: LdapConfig): Promise<Client> {
  const client = newClient(config);
  if (config.startTls) await client.startTLS(tlsOptions(config));
  return client;
}

const first = (v: unknown): string | null =>
  Array.isArray(v) ? (v[0] != null ? String(v[0]) : null) : v != null && v !== "" ? String(v) : null;

/** Finds the user with the service account, then binds as them with their password. */
export async function authenticateLdap(
  config: LdapConfig,
  bindPassword: string | null,
  username: string,
  password: string,
): Promise<ExternalProfile> {
  // An empty password is an anonymous bind, which servers accept: never a sign-in.
  if (!password) throw unauthorized(INVALID);
  const client = await connect(config);
  try {
    if (config.bindDn) await client.bind(config.bindDn, bindPassword ?? "");
    const a = config.attributes;
    const { searchEntries } = await client.search(config.baseDn, {
      scope: "sub",
      filter: userFilter(config.userFilter, username),
      attributes: ["dn", a.username, a.email, a.displayName],
      sizeLimit: 2,
    });
    if (searchEntries.length !== 1) throw unauthorized(INVALID);
    const entry = searchEntries[0];
    try {
      await client.bind(entry.dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw unauthorized(INVALID);
      throw error;
    }
    return {
      externalId: entry.dn,
      username: first(entry[a.username]) ?? username,
      email: first(entry[a.email]),
      displayName: first(entry[a.displayName]) ?? username,
    };
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export interface TestStep {
  step: string;
  ok: boolean;
  detail: string;
}

const CONNECT_FAILURE = /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ECONNRESET|timeout/i;

/** Connect (and StartTLS), bind with the service account, search the base DN: what worked and
 *  what did not. ldapts connects on the first operation, so "connect" is confirmed by it. */
export async function testLdap(config: LdapConfig, bindPassword: string | null): Promise<TestStep[]> {
  const steps: TestStep[] = [];
  const client = newClient(config);
  const done = (step: string, detail: string) => {
    if (!steps.length) steps.push({ step: "connect", ok: true, detail: config.url });
    steps.push({ step, ok: true, detail });
  };
  let step = "connect";
  try {
    if (config.startTls) {
      step = "starttls";
      await client.startTLS(tlsOptions(config));
      done(step, `certificate verified with ${config.caCertificate?.trim() ? "the source's CA" : "the system's CAs"}`);
    }
    if (config.bindDn) {
      step = "bind";
      await client.bind(config.bindDn, bindPassword ?? "");
      done(step, config.bindDn);
    }
    step = "search";
    const { searchEntries } = await client.search(config.baseDn, {
      scope: "sub",
      filter: userFilter(config.userFilter, "*").replace("\\2a", "*"),
      sizeLimit: 5,
      attributes: ["dn"],
    });
    done(step, `${searchEntries.length} user(s) found under ${config.baseDn}`);
  } catch (error) {
    const message = (error as Error).message;
    steps.push({
      step:
        !steps.length && CONNECT_FAILURE.test(`${(error as { code?: string }).code ?? ""} ${message}`)
          ? "connect"
          : step,
      ok: false,
      detail: message,
    });
  } finally {
    await client.unbind().catch(() => undefined);
  }
  return steps;
}
