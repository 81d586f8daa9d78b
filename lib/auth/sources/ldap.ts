import "server-only";
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

async function connect(config: LdapConfig): Promise<Client> {
  const client = new Client({ url: config.url, timeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS });
  if (config.startTls) await client.startTLS({});
  return client;
}

const first = (v: unknown): string | null => (Array.isArray(v) ? (v[0] != null ? String(v[0]) : null) : v != null && v !== "" ? String(v) : null);

/** Finds the user with the service account, then binds as them with their password. */
export async function authenticateLdap(config: LdapConfig, bindPassword: string | null, username: string, password: string): Promise<ExternalProfile> {
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

/** Connect, bind with the service account, search the base DN: what worked and what did not. */
export async function testLdap(config: LdapConfig, bindPassword: string | null): Promise<TestStep[]> {
  const steps: TestStep[] = [];
  let client: Client | null = null;
  try {
    client = await connect(config);
    steps.push({ step: "connect", ok: true, detail: `${config.url}${config.startTls ? " (StartTLS)" : ""}` });
    if (config.bindDn) {
      await client.bind(config.bindDn, bindPassword ?? "");
      steps.push({ step: "bind", ok: true, detail: config.bindDn });
    }
    const { searchEntries } = await client.search(config.baseDn, { scope: "sub", filter: userFilter(config.userFilter, "*").replace("\\2a", "*"), sizeLimit: 5, attributes: ["dn"] });
    steps.push({ step: "search", ok: true, detail: `${searchEntries.length} user(s) found under ${config.baseDn}` });
  } catch (error) {
    const step = steps.length === 0 ? "connect" : steps.length === 1 && config.bindDn ? "bind" : "search";
    steps.push({ step, ok: false, detail: (error as Error).message });
  } finally {
    await client?.unbind().catch(() => undefined);
  }
  return steps;
}
