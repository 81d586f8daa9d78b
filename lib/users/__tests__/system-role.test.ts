import { beforeAll, describe, expect, it } from "vitest";
import { api, expectOk, person, sysadminToken } from "@/lib/testing/world";

describe("system role", () => {
  let root: string;
  beforeAll(async () => {
    root = await sysadminToken();
  });

  it("a sysadmin promotes a user, who may then manage users, and demotes them again; each change is audited", async () => {
    const someone = await person("promote");
    expect((await api("GET", "/api/v1/users", { token: someone.token })).status).toBe(403);
    await expectOk(
      api("PATCH", `/api/v1/users/${someone.username}`, { token: root, body: { systemRole: "sysadmin" } }),
    );
    // The role is read per request: the same token now carries it.
    expect((await api("GET", "/api/v1/users", { token: someone.token })).status).toBe(200);
    await expectOk(api("PATCH", `/api/v1/users/${someone.username}`, { token: root, body: { systemRole: "normal" } }));
    expect((await api("GET", "/api/v1/users", { token: someone.token })).status).toBe(403);
    const audit = await expectOk<{
      items: {
        action: string;
        target: string;
        diff: { before?: { systemRole?: string }; after?: { systemRole?: string } };
      }[];
    }>(api("GET", `/api/v1/audit?action=users.update&limit=50`, { token: root }));
    const mine = audit.items
      .filter((a) => a.target.endsWith(someone.username))
      .map((a) => `${a.diff.before?.systemRole}→${a.diff.after?.systemRole}`);
    expect(mine).toEqual(["sysadmin→normal", "normal→sysadmin"]);
  });

  it("a user cannot change their own or anyone's role without being sysadmin", async () => {
    const someone = await person("self");
    expect(
      (
        await api("PATCH", `/api/v1/users/${someone.username}`, {
          token: someone.token,
          body: { systemRole: "sysadmin" },
        })
      ).status,
    ).toBe(403);
    expect(await expectOk(api("GET", "/api/v1/me", { token: someone.token }))).toMatchObject({
      username: someone.username,
      systemRole: "normal",
    });
  });

  it("an unknown role is refused with the field named", async () => {
    const someone = await person("bad-role");
    const res = await api<{ errors: { path: string }[] }>("PATCH", `/api/v1/users/${someone.username}`, {
      token: root,
      body: { systemRole: "root" },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.path)).toContain("body.systemRole");
  });
});
