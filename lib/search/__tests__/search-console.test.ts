import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { applications, environments } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";
import type { SearchResultDto } from "../schemas";

type Results = { items: SearchResultDto[] };
type Problem = { status: number; errors: { path: string; message: string }[] };

const search = (token: string, q: string, extra = "") =>
  api<Results>("GET", `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, { token });
const found = async (token: string, q: string, extra = "") =>
  (await expectOk(search(token, q, extra))).items.map(
    (i) => `${i.kind}:${[i.tenant, i.project, i.environment, i.name].filter(Boolean).join("/")}`,
  );

/** An application row, as the create verb leaves it, without a cluster to apply it to. */
async function insertApplication(environment: string, name: string) {
  const [env] = await getDb().select().from(environments).where(eq(environments.name, environment));
  await getDb().insert(applications).values({
    tenantId: env.tenantId,
    projectId: env.projectId,
    environmentId: env.id,
    name,
    image: "nginx:1.27",
    ports: [],
    env: [],
    resources: {},
  });
}

// Names carry a marker unique to this run, so a sysadmin's search sees only this file's world.
describe("console search", () => {
  const mark = uniqueName("sx").replace(/[^a-z0-9]/g, "");
  const mine = `${mark}-ten`;
  const theirs = `${mark}-oth`;
  let root: string;
  let dev: { username: string; token: string };
  let reader: { username: string; token: string };
  let member: { username: string; token: string };
  let outsider: { username: string; token: string };

  beforeAll(async () => {
    root = await sysadminToken();
    [dev, reader, member, outsider] = await Promise.all([
      person("sdev"),
      person("srd"),
      person("smem"),
      person("sout"),
    ]);
    const p = await tenantProject(root, mine, `${mark}-prj`);
    const envA = await sandboxEnvironment(root, p, `${mark}-enva`);
    const envB = await sandboxEnvironment(root, p, `${mark}-envb`, "prod");
    const q = await tenantProject(root, theirs, `${mark}-prj`);
    const envO = await sandboxEnvironment(root, q, `${mark}-envo`);
    for (const u of [dev, reader, member])
      await expectOk(
        api("POST", `/api/v1/tenants/${mine}/members`, { token: root, body: { username: u.username, role: "member" } }),
        201,
      );
    await expectOk(api("POST", `${p}/members`, { token: root, body: { username: dev.username, role: "dev" } }), 201);
    await expectOk(
      api("POST", `${envA}/members`, { token: root, body: { username: reader.username, role: "reader" } }),
      201,
    );
    for (const [env, dataId] of [
      [envA, `a_b-${mark}.yaml`],
      [envA, `axb-${mark}.yaml`],
      [envA, `pct-${mark}.yaml`],
      [envB, `prod-${mark}.yaml`],
      [envO, `a_b-${mark}.yaml`],
    ])
      await expectOk(api("POST", `${env}/configs`, { token: root, body: { dataId, content: "x" } }), 201);
    for (let i = 0; i < 12; i++)
      await expectOk(
        api("POST", `${envA}/configs`, { token: root, body: { dataId: `many${i}-${mark}`, content: "x" } }),
        201,
      );
    await insertApplication(`${mark}-enva`, `${mark}-app`);
    await insertApplication(`${mark}-envo`, `${mark}-app`);
  });

  it("finds every kind the sysadmin may see, with links to their pages", async () => {
    const res = await expectOk(search(root, `${mark}-env`));
    expect(res.items.map((i) => `${i.kind}:${i.tenant}/${i.name}`).sort()).toEqual(
      [
        `environment:${mine}/${mark}-enva`,
        `environment:${mine}/${mark}-envb`,
        `environment:${theirs}/${mark}-envo`,
      ].sort(),
    );
    const envA = res.items.find((i) => i.name === `${mark}-enva`)!;
    expect(envA.href).toBe(`/tenants/${mine}/projects/${mark}-prj/environments/${mark}-enva`);
    expect(await found(root, `${mark}-app`)).toEqual([
      `application:${mine}/${mark}-prj/${mark}-enva/${mark}-app`,
      `application:${theirs}/${mark}-prj/${mark}-envo/${mark}-app`,
    ]);
    const cfg = (await expectOk(search(root, `axb-${mark}`))).items;
    expect(cfg).toEqual([
      expect.objectContaining({
        kind: "config",
        name: `axb-${mark}.yaml`,
        href: `/tenants/${mine}/projects/${mark}-prj/environments/${mark}-enva/configs/axb-${mark}.yaml`,
      }),
    ]);
  });

  it("never shows another tenant's names to a member of one tenant, whatever the query", async () => {
    for (const q of [mark, `${mark}-oth`, theirs, `${mark}-envo`, `${mark}-app`, `a_b-${mark}`, `${mark}-prj`]) {
      const hits = await found(dev.token, q);
      expect(
        hits.filter((h) => h.includes(theirs)),
        q,
      ).toEqual([]);
      expect(
        hits.filter((h) => h.includes("envo")),
        q,
      ).toEqual([]);
    }
    expect(await found(dev.token, `${mark}-oth`)).toEqual([]);
    expect(await found(dev.token, `${mark}-ten`)).toEqual([`tenant:${mine}`]);
  });

  it("shows a project member the project's environments, applications and configs", async () => {
    expect(await found(dev.token, `${mark}-env`)).toEqual([
      `environment:${mine}/${mark}-prj/${mark}-enva/${mark}-enva`,
      `environment:${mine}/${mark}-prj/${mark}-envb/${mark}-envb`,
    ]);
    expect(await found(dev.token, `${mark}-prj`)).toEqual([`project:${mine}/${mark}-prj/${mark}-prj`]);
    expect(await found(dev.token, `${mark}-app`)).toEqual([`application:${mine}/${mark}-prj/${mark}-enva/${mark}-app`]);
    expect(await found(dev.token, `prod-${mark}`)).toEqual([
      `config:${mine}/${mark}-prj/${mark}-envb/prod-${mark}.yaml`,
    ]);
  });

  it("shows an environment reader only their environment, and a bare tenant member only the tenant", async () => {
    expect(await found(reader.token, `${mark}-env`)).toEqual([
      `environment:${mine}/${mark}-prj/${mark}-enva/${mark}-enva`,
    ]);
    expect(await found(reader.token, `prod-${mark}`)).toEqual([]);
    expect(await found(reader.token, `${mark}-prj`)).toEqual([]);
    expect(await found(member.token, mark)).toEqual([`tenant:${mine}`]);
    expect(await found(outsider.token, mark)).toEqual([]);
    expect(await found(outsider.token, `${mark}-app`)).toEqual([]);
  });

  it("treats LIKE wildcards and the escape character as plain characters", async () => {
    expect(await found(dev.token, `a_b-${mark}`)).toEqual([`config:${mine}/${mark}-prj/${mark}-enva/a_b-${mark}.yaml`]);
    // `_` would match the x of axb, `%` anything, `\` would escape what follows.
    expect(await found(dev.token, `a%b-${mark}`)).toEqual([]);
    expect(await found(dev.token, "%")).toEqual([]);
    expect(await found(dev.token, "%%")).toEqual([]);
    expect(await found(dev.token, `\\_-${mark}`)).toEqual([]);
    expect(await found(dev.token, "_")).toEqual([`config:${mine}/${mark}-prj/${mark}-enva/a_b-${mark}.yaml`]);
    expect(await found(root, "%")).toEqual([]);
  });

  it("bounds the results per kind", async () => {
    const configs = async (extra: string) => (await found(root, mark, extra)).filter((h) => h.startsWith("config:"));
    expect(await configs("")).toHaveLength(5);
    expect(await configs("&limit=10")).toHaveLength(10);
    const two = await found(root, mark, "&limit=2");
    for (const kind of ["config", "environment", "application", "project", "tenant"])
      expect(
        two.filter((h) => h.startsWith(`${kind}:`)),
        kind,
      ).toHaveLength(2);
  });

  it("refuses an over-long, empty or unbounded query with problem+json naming the field", async () => {
    for (const [query, path] of [
      [`q=${"a".repeat(101)}`, "query.q"],
      [`q=${encodeURIComponent("%".repeat(5000))}`, "query.q"],
      ["q=", "query.q"],
      ["q=%20%20", "query.q"],
      ["", "query.q"],
      [`q=${mark}&limit=11`, "query.limit"],
      [`q=${mark}&limit=0`, "query.limit"],
      [`q=${mark}&limit=all`, "query.limit"],
    ]) {
      const res = await api<Problem>("GET", `/api/v1/search?${query}`, { token: dev.token });
      expect(res.status, query.slice(0, 40)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(
        res.body.errors.map((e) => e.path),
        query.slice(0, 40),
      ).toContain(path);
    }
    expect((await api("GET", `/api/v1/search?q=${mark}`, { token: "facet_not-a-token" })).status).toBe(401);
  });

  it("offers a trace id as a jump to the trace, and nothing else for near misses", async () => {
    const id = "4BF92F3577B34DA6A3CE929D0E0E4736";
    const res = await expectOk(search(outsider.token, id));
    expect(res.items).toEqual([{ kind: "trace", name: id.toLowerCase(), href: `/traces/${id.toLowerCase()}` }]);
    for (const near of [id.slice(1), `${id}0`, `${id.slice(1)}g`, "0".repeat(32)])
      expect(
        (await expectOk(search(outsider.token, near))).items.filter((i) => i.kind === "trace"),
        near,
      ).toEqual([]);
  });
});
