// Facet's modelx registry over real HTTP: push, list and pull back byte-identical, digests
// verified, concurrent pushes, and who may pull or push (Facet tokens, authorized by project).
// Run by one test file per blob store (local disk, S3-compatible object store).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { api, expectOk, person, sysadminToken, tenantProject } from "@/lib/testing/world";

export interface SuiteStore {
  label: string;
  /** Upload leftovers the store holds (temporary files or objects): none after any request. */
  uploadsLeft(): Promise<string[]>;
}

export const sha = (b: Buffer) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** Registers the registry's tests; returns a request helper for the caller's own tests. */
export function modelxRegistrySuite(store: SuiteStore) {
  let server: RouteServer;
  let root: string;
  let tenant: string;
  let repo: string;
  const people: Record<"admin" | "ops" | "dev" | "member" | "outsider", string> = {} as never;

  beforeAll(async () => {
    server = await startRouteServer("app/modelx");
    root = await sysadminToken();
    tenant = uniqueName("mx");
    const project = await tenantProject(root, tenant, "vision");
    repo = `${tenant}.vision`;
    for (const role of ["admin", "ops", "dev", "member", "outsider"] as const) {
      const p = await person(role);
      people[role] = p.token;
      if (role === "outsider") continue;
      await expectOk(
        api("POST", `/api/v1/tenants/${tenant}/members`, {
          token: root,
          body: { username: p.username, role: "member" },
        }),
        201,
      );
      if (role !== "member")
        await expectOk(api("POST", `${project}/members`, { token: root, body: { username: p.username, role } }), 201);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  function request(method: string, path: string, token: string | null, body?: Buffer | string, type?: string) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = type ?? "application/octet-stream";
    return fetch(`${server.origin}/modelx${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : new Uint8Array(body),
    });
  }

  /** What `modelx push` does: blobs first (HEAD, then PUT the missing), the manifest last. */
  async function push(token: string, repository: string, model: string, tag: string, files: Record<string, Buffer>) {
    const descriptors = [];
    for (const [name, bytes] of Object.entries(files)) {
      const digest = sha(bytes);
      const head = await request("HEAD", `/${repository}/${model}/blobs/${digest}`, token);
      if (head.status !== 200) {
        const put = await request("PUT", `/${repository}/${model}/blobs/${digest}`, token, bytes);
        if (put.status !== 201) return put;
      }
      descriptors.push({
        name,
        digest,
        size: bytes.length,
        mediaType: name.endsWith(".tar.gz")
          ? "application/vnd.modelx.model.directory.v1.tar+gz"
          : name === "modelx.yaml"
            ? "application/vnd.modelx.model.config.v1.yaml"
            : "application/vnd.modelx.model.file.v1",
      });
    }
    const [config, ...blobs] = descriptors;
    const manifest = {
      schemaVersion: 0,
      mediaType: "application/vnd.modelx.model.manifest.v1.json",
      config,
      blobs,
      annotations: { task: "text-classification" },
    };
    return request(
      "PUT",
      `/${repository}/${model}/manifests/${tag}`,
      token,
      JSON.stringify(manifest),
      "application/json",
    );
  }

  function directoryTarball(): Buffer {
    const dir = mkdtempSync(join(tmpdir(), "facet-modelx-dir-"));
    mkdirSync(join(dir, "tokenizer"));
    writeFileSync(join(dir, "tokenizer", "vocab.txt"), "hello\nworld\n");
    writeFileSync(join(dir, "tokenizer", "merges.txt"), randomBytes(2048));
    const tarball = execFileSync("tar", ["-czf", "-", "-C", dir, "tokenizer"]);
    rmSync(dir, { recursive: true, force: true });
    return tarball;
  }

  describe(`modelx registry, blobs ${store.label}`, () => {
    const files = {
      "modelx.yaml": Buffer.from("description: sentiment\nframework: wink\ntask: text-classification\n"),
      "model.bin": randomBytes(300_000),
      "tokenizer.tar.gz": directoryTarball(),
    };

    it("pushes a model with files and a directory, lists it and pulls it back byte-identical", async () => {
      expect((await push(people.ops, repo, "sentiment", "v1", files)).status).toBe(201);

      const global = await (await request("GET", "/", people.dev)).json();
      expect(global.manifests.map((m: { name: string }) => m.name)).toContain(`${repo}/sentiment`);
      const index = await (await request("GET", `/${repo}/sentiment/index`, people.dev)).json();
      expect(index.manifests).toEqual([
        expect.objectContaining({ name: "v1", size: Object.values(files).reduce((n, b) => n + b.length, 0) }),
      ]);
      expect(index.annotations).toEqual({ task: "text-classification" });

      const manifest = await (await request("GET", `/${repo}/sentiment/manifests/v1`, people.dev)).json();
      for (const d of [manifest.config, ...manifest.blobs]) {
        const res = await request("GET", `/${repo}/sentiment/blobs/${d.digest}`, people.dev);
        expect(res.status).toBe(200);
        expect(Number(res.headers.get("content-length"))).toBe(d.size);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.equals(files[d.name as keyof typeof files]), d.name).toBe(true);
      }
      // The tarball is still a tarball of the directory.
      const listing = execFileSync("tar", ["-tzf", "-"], { input: files["tokenizer.tar.gz"] }).toString();
      expect(listing).toContain("tokenizer/vocab.txt");

      const [audit] = await getDb()
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.action, "modelx.push"), eq(auditLogs.target, `modelx/${repo}/sentiment:v1`)));
      expect(audit).toBeDefined();
    });

    it("refuses a blob whose digest does not match, leaving nothing behind", async () => {
      const bytes = randomBytes(5000);
      const wrong = sha(randomBytes(10));
      const res = await request("PUT", `/${repo}/sentiment/blobs/${wrong}`, people.ops, bytes);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "DIGEST_INVALID" });
      expect((await request("HEAD", `/${repo}/sentiment/blobs/${wrong}`, people.ops)).status).toBe(404);
      expect((await request("HEAD", `/${repo}/sentiment/blobs/${sha(bytes)}`, people.ops)).status).toBe(404);
      expect(await store.uploadsLeft()).toEqual([]);
    });

    it("keeps two concurrent pushes of the same blob safe", async () => {
      const bytes = randomBytes(2_000_000);
      const digest = sha(bytes);
      const answers = await Promise.all(
        [0, 1, 2].map(() => request("PUT", `/${repo}/shared/blobs/${digest}`, people.ops, bytes)),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      const back = Buffer.from(
        await (await request("GET", `/${repo}/shared/blobs/${digest}`, people.dev)).arrayBuffer(),
      );
      expect(sha(back)).toBe(digest);
      // Each upload is audited with who sent it.
      const audits = await getDb()
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.action, "modelx.blob.put"), eq(auditLogs.target, `modelx/${repo}/shared@${digest}`)));
      expect(audits).toHaveLength(3);
      expect(await store.uploadsLeft()).toEqual([]);
    });

    it("refuses a manifest naming a blob that is not uploaded, or with the wrong size", async () => {
      const config = Buffer.from("task: x\n");
      await request("PUT", `/${repo}/broken/blobs/${sha(config)}`, people.ops, config);
      const missing = sha(randomBytes(8));
      for (const [blobs, reason] of [
        [[{ name: "w.bin", digest: missing, size: 8 }], /not uploaded/],
        [[{ name: "w.bin", digest: sha(config), size: 999 }], /not 999/],
        [[{ name: "w.bin", digest: "sha256:xyz", size: 1 }], /digest/],
      ] as const) {
        const manifest = {
          schemaVersion: 0,
          config: { name: "modelx.yaml", digest: sha(config), size: config.length },
          blobs,
        };
        const res = await request(
          "PUT",
          `/${repo}/broken/manifests/v1`,
          people.ops,
          JSON.stringify(manifest),
          "application/json",
        );
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.code).toBe("MANIFEST_INVALID");
        expect(body.message).toMatch(reason);
      }
      expect((await request("GET", `/${repo}/broken/manifests/v1`, people.ops)).status).toBe(404);
    });

    it("lets project members pull and only admins and ops push; outsiders learn nothing", async () => {
      const model = `/${repo}/sentiment`;
      const digest = sha(files["model.bin"]);
      for (const who of ["admin", "ops", "dev"] as const)
        expect((await request("GET", `${model}/blobs/${digest}`, people[who])).status, who).toBe(200);
      // A tenant member outside the project may not pull; a dev may not push.
      expect((await request("GET", `${model}/index`, people.member)).status).toBe(403);
      const devPush = await push(people.dev, repo, "sentiment", "v2", { "modelx.yaml": Buffer.from("x: 1\n") });
      expect(devPush.status).toBe(403);
      expect(await devPush.json()).toMatchObject({ code: "DENIED" });
      expect((await push(people.admin, repo, "sentiment", "v2", files)).status).toBe(201);
      // Outside the tenant: the repository is unknown, whether it exists or not, for reads and writes.
      for (const path of [
        `${model}/index`,
        `${model}/manifests/v1`,
        `${model}/blobs/${digest}`,
        `/${tenant}.nope/x/index`,
      ]) {
        const res = await request("GET", path, people.outsider);
        expect(res.status, path).toBe(404);
        expect((await res.json()).code).toBe("INDEX_UNKNOWN");
      }
      const put = await request("PUT", `${model}/blobs/${sha(Buffer.from("x"))}`, people.outsider, Buffer.from("x"));
      expect(put.status).toBe(404);
      const global = await (await request("GET", "/", people.outsider)).json();
      expect(global.manifests.map((m: { name: string }) => m.name)).not.toContain(`${repo}/sentiment`);
      // No token, a bad token: 401 in modelx's shape; a token in the query works as modelx clients send it.
      for (const token of [null, "fct_not-a-token"]) {
        const res = await request("GET", `${model}/index`, token);
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ code: "UNAUTHORIZED" });
      }
      expect((await fetch(`${server.origin}/modelx${model}/index?token=${people.dev}`)).status).toBe(200);
    });

    it("serves the library to everyone and takes pushes to it from sysadmins only", async () => {
      expect((await push(people.admin, "library", "tiny", "v1", { "modelx.yaml": Buffer.from("a: 1\n") })).status).toBe(
        403,
      );
      expect((await push(root, "library", "tiny", "v1", { "modelx.yaml": Buffer.from("a: 1\n") })).status).toBe(201);
      expect((await request("GET", "/library/tiny/manifests/v1", people.outsider)).status).toBe(200);
    });

    // (Paths with ../ are normalized by every HTTP client before they are sent; encoded ones are not.)
    it("keeps hostile names and digests away from the file system", async () => {
      for (const path of [
        `/${repo}/..%2F..%2Fetc/index`,
        `/${repo}/sentiment/blobs/sha256:..%2F..%2F..%2Fetc%2Fpasswd`,
        `/${repo}/sentiment/blobs/sha256%3A${"0".repeat(63)}`,
        "/Library/x/index",
        `/${tenant}.vision.extra/x/index`,
      ]) {
        const res = await request("GET", path, root);
        expect([400, 404], path).toContain(res.status);
        expect(await res.json(), path).toHaveProperty("code");
      }
      const res = await request("GET", "/?search=(unclosed", root);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "INVALID_PARAMETER" });
      expect((await request("GET", "/?search=sentiment$", root)).status).toBe(200);
    });

    it("deletes versions and models, and collects blobs no manifest names", async () => {
      process.env.FACET_MODELX_GC_GRACE_SECONDS = "0";
      try {
        const orphan = randomBytes(100);
        await request("PUT", `/${repo}/sentiment/blobs/${sha(orphan)}`, people.ops, orphan);
        const gc = await (await request("POST", `/${repo}/sentiment/garbage-collect`, people.ops)).json();
        expect(gc.removed.map((r: { digest: string }) => r.digest)).toEqual([sha(orphan)]);
        expect((await request("HEAD", `/${repo}/sentiment/blobs/${sha(files["model.bin"])}`, people.ops)).status).toBe(
          200,
        );

        expect((await request("DELETE", `/${repo}/sentiment/manifests/v2`, people.dev)).status).toBe(403);
        expect((await request("DELETE", `/${repo}/sentiment/manifests/v2`, people.ops)).status).toBe(202);
        expect((await request("GET", `/${repo}/sentiment/manifests/v2`, people.ops)).status).toBe(404);
        expect((await request("DELETE", `/${repo}/sentiment/index`, people.admin)).status).toBe(200);
        expect((await request("GET", `/${repo}/sentiment/index`, people.admin)).status).toBe(404);
        expect((await request("HEAD", `/${repo}/sentiment/blobs/${sha(files["model.bin"])}`, people.ops)).status).toBe(
          404,
        );
      } finally {
        delete process.env.FACET_MODELX_GC_GRACE_SECONDS;
      }
    });
  });

  return { request, push, root: () => root, repo: () => repo, people };
}
