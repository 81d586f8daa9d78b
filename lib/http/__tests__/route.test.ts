import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createToken, createUser } from "@/lib/testing/factories";
import { verb } from "@/lib/core/verb";
import { publicRoute, route } from "../route";

const noParams = { params: Promise.resolve({}) };

function post(body: string, headers: Record<string, string> = {}) {
  return new NextRequest("http://facet.test/api/v1/things", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

const echo = publicRoute(
  { public: true, body: z.object({ name: z.string(), quota: z.object({ cpu: z.number() }) }), status: 201 },
  async ({ input }) => input.body,
);

describe("route()", () => {
  it("answers 201 with the verb's result and an X-Request-Id", async () => {
    const res = await echo(post(JSON.stringify({ name: "a", quota: { cpu: 1 } })), noParams);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "a", quota: { cpu: 1 } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a well-formed caller request id", async () => {
    const res = await echo(post("{}", { "x-request-id": "caller-chosen-id-1" }), noParams);
    expect(res.headers.get("x-request-id")).toBe("caller-chosen-id-1");
  });

  it("answers malformed JSON with 400 problem+json", async () => {
    const res = await echo(post("{not json"), noParams);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "MALFORMED", status: 400 });
  });

  it("answers wrong types with 422 naming each field path", async () => {
    const res = await echo(post(JSON.stringify({ name: 5, quota: { cpu: "lots" } })), noParams);
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(["body.name", "body.quota.cpu"]);
  });

  it("refuses oversized bodies with 413", async () => {
    const small = publicRoute({ public: true, body: z.unknown(), maxBodyBytes: 16 }, async () => ({}));
    const res = await small(post(JSON.stringify({ blob: "x".repeat(100) })), noParams);
    expect(res.status).toBe(413);
  });

  it("maps an unexpected failure to 500 without its message", async () => {
    const broken = publicRoute({ public: true }, async () => {
      throw new Error("secret internals");
    });
    const res = await broken(new NextRequest("http://facet.test/x"), noParams);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret internals");
  });

  it("authenticates a bearer token and authorizes the permission", async () => {
    const readMe = verb("test.me", "me.read", async () => null);
    const me = route({ verb: readMe }, async ({ ctx }) => ({ username: ctx.actor.username }));
    const u = await createUser();
    const { token } = await createToken(u.id);
    const ok = await me(
      new NextRequest("http://facet.test/api/v1/me", { headers: { authorization: `Bearer ${token}` } }),
      noParams,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ username: u.username });

    const bad = await me(
      new NextRequest("http://facet.test/api/v1/me", { headers: { authorization: `Bearer ${token}x` } }),
      noParams,
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");

    const basic = await me(
      new NextRequest("http://facet.test/api/v1/me", { headers: { authorization: "Basic YTpi" } }),
      noParams,
    );
    expect(basic.status).toBe(401);
  });
});
