// A tenant with one project and dev/test/prod environments, people in every role, built
// through the JSON API, plus helpers to speak Nacos v1 over HTTP to Facet.
import { uniqueName } from "./factories";
import { api, expectOk, generousQuota, person, sysadminToken } from "./world";

export type Person = Awaited<ReturnType<typeof person>>;

export interface ConfigWorld {
  root: string;
  tenant: string;
  project: string;
  /** Path of an environment: /api/v1/tenants/…/environments/<name> */
  env: (type: "dev" | "test" | "prod") => string;
  envName: (type: "dev" | "test" | "prod") => string;
  admin: Person;
  dev: Person;
  reader: Person;
  outsider: Person;
}

const tinyQuota = { cpu: "10m", memory: "1Mi", storage: "1Mi", pods: "1" };

export async function buildConfigWorld(prefix = "cfg"): Promise<ConfigWorld> {
  const root = await sysadminToken();
  const tenant = uniqueName(prefix);
  const project = "shop";
  const [admin, dev, reader, outsider] = await Promise.all(["padmin", "pdev", "ereader", "outsider"].map(person));
  const base = `/api/v1/tenants/${tenant}`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `${base}/quotas/sandbox`, { token: root, body: generousQuota }));
  for (const p of [admin, dev, reader])
    await expectOk(
      api("POST", `${base}/members`, { token: root, body: { username: p.username, role: "member" } }),
      201,
    );
  await expectOk(api("POST", `${base}/projects`, { token: root, body: { name: project } }), 201);
  const projectPath = `${base}/projects/${project}`;
  await expectOk(
    api("POST", `${projectPath}/members`, { token: root, body: { username: admin.username, role: "admin" } }),
    201,
  );
  await expectOk(
    api("POST", `${projectPath}/members`, { token: root, body: { username: dev.username, role: "dev" } }),
    201,
  );
  const envName = (type: string) => type;
  for (const type of ["dev", "test", "prod"]) {
    await expectOk(
      api("POST", `${projectPath}/environments`, {
        token: root,
        body: { name: envName(type), type, cluster: "sandbox", quota: tinyQuota },
      }),
      201,
    );
    await expectOk(
      api("POST", `${projectPath}/environments/${envName(type)}/members`, {
        token: root,
        body: { username: reader.username, role: "reader" },
      }),
      201,
    );
  }
  // The outsider administers another tenant: a real user who is simply not in this one.
  const other = uniqueName("other");
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${other}/members`, {
      token: root,
      body: { username: outsider.username, role: "admin" },
    }),
    201,
  );
  return {
    root,
    tenant,
    project,
    env: (type) => `${projectPath}/environments/${envName(type)}`,
    envName,
    admin,
    dev,
    reader,
    outsider,
  };
}

export interface ConfigKey {
  id: number;
  name: string;
  access: "read-only" | "read-write";
  username: string;
  password: string;
  namespace: string;
  group: string;
  serverAddr: string;
}

export async function createConfigKey(
  w: ConfigWorld,
  type: "dev" | "test" | "prod",
  access: ConfigKey["access"],
  token = w.root,
): Promise<ConfigKey> {
  return expectOk<ConfigKey>(
    api("POST", `${w.env(type)}/config-keys`, { token, body: { name: uniqueName(`k-${access}`), access } }),
    201,
  );
}

export interface NacosResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** One Nacos v1 call: parameters in the query for GET/DELETE, as a form body for POST. */
export async function nacos(
  origin: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  params: Record<string, string | undefined>,
  headers: Record<string, string> = {},
): Promise<NacosResponse> {
  const defined = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const url = new URL(`${origin}/nacos${path}`);
  let body: string | undefined;
  if (method === "POST") {
    body = new URLSearchParams(defined).toString();
    headers = { "content-type": "application/x-www-form-urlencoded; charset=GBK", ...headers };
  } else {
    for (const [k, v] of Object.entries(defined)) url.searchParams.set(k, v);
  }
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
