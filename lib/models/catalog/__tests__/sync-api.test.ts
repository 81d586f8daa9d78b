// Syncing model sources through the JSON API. The upstreams are a local HTTP server answering
// recorded responses of the documented shapes (PROTOCOLS §3.1: the Hub's /api/models JSON array
// with the next page in a Link header; §3.3: OpenMMLab's model-index.yml and metafiles), so the
// test runs offline. It stops a sync mid-way (a page held open), then resumes from the cursor.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, catalogModels, catalogModelTags, modelSources, modelxManifests } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, person, sysadminToken } from "@/lib/testing/world";

interface Status {
  state: string;
  done: number;
  total: number | null;
  error: string | null;
  startedAt: string | null;
}

// Three pages of the Hub's listing, as /api/models?expand[]=… answers (projection mode).
const hubModel = (i: number) => ({
  _id: `65f0${String(i).padStart(20, "0")}`,
  id: `org${i % 3}/model-${i}`,
  downloads: 10_000 - i,
  likes: i % 7,
  lastModified: `2025-0${(i % 9) + 1}-01T00:00:00.000Z`,
  pipeline_tag: i % 2 ? "text-classification" : "image-classification",
  library_name: i % 2 ? "transformers" : "timm",
  tags: [i % 2 ? "transformers" : "timm", "pytorch", "license:apache-2.0", "en"],
});
const PAGES = [0, 1, 2].map((p) => Array.from({ length: 4 }, (_, k) => hubModel(p * 4 + k)));

const MODEL_INDEX = "Import:\n  - configs/resnet/metafile.yml\n  - configs/vit/metafile.yml\n";
const RESNET = `Collections:
  - Name: ResNet
    Metadata:
      Training Data: ImageNet-1k
      Architecture:
        - ResNet
    Paper:
      URL: https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html
      Title: Deep Residual Learning for Image Recognition
    README: configs/resnet/README.md
Models:
  - Name: resnet18_8xb32_in1k
    Metadata:
      FLOPs: 1820000000
      Parameters: 11690000
      Training Data: ImageNet-1k
    In Collection: ResNet
    Results:
      - Task: Image Classification
        Dataset: ImageNet-1k
        Metrics:
          Top 1 Accuracy: 69.9
          Top 5 Accuracy: 89.43
    Weights: https://download.openmmlab.com/mmclassification/v0/resnet/resnet18_8xb32_in1k_20210831-fbbb1da6.pth
    Config: configs/resnet/resnet18_8xb32_in1k.py
`;
const VIT = `Collections:
  - Name: Vision Transformer
    Paper:
      Title: An Image is Worth 16x16 Words
      URL: https://arxiv.org/abs/2010.11929
Models:
  - Name: vit-base-p16_in21k-pre_3rdparty_in1k-384px
    In Collection: Vision Transformer
    Metadata:
      Training Data: [ImageNet-21k, ImageNet-1k]
    Results:
      - Task: Image Classification
        Dataset: ImageNet-1k
        Metrics:
          Top 1 Accuracy: 85.43
    Weights: https://download.openmmlab.com/mmclassification/v0/vit/finetune/vit-base.pth
    Config: configs/vision_transformer/vit-base-p16_64xb64_in1k-384px.py
`;

let server: Server;
let origin: string;
const requests: string[] = [];
/** While set, page 2 of the Hub listing is held open until it resolves: a sync caught mid-way. */
let holdPage2: Promise<void> | null = null;

async function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", origin);
  requests.push(url.pathname + url.search);
  if (url.pathname === "/api/models") {
    // The Hub pages with an opaque cursor in the Link header.
    const page = Number(url.searchParams.get("cursor") ?? "0");
    if (page === 1 && holdPage2) await holdPage2;
    if (url.searchParams.get("fail") === "1") {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      return res.end(JSON.stringify({ error: "Rate limit reached" }));
    }
    const next = new URL(url);
    next.searchParams.set("cursor", String(page + 1));
    res.writeHead(200, {
      "content-type": "application/json",
      ...(page + 1 < PAGES.length ? { link: `<${next}>; rel="next"` } : {}),
    });
    return res.end(JSON.stringify(PAGES[page]));
  }
  const files: Record<string, string> = {
    "/mmpretrain/model-index.yml": MODEL_INDEX,
    "/mmpretrain/configs/resnet/metafile.yml": RESNET,
    "/mmpretrain/configs/vit/metafile.yml": VIT,
  };
  if (files[url.pathname]) {
    res.writeHead(200, { "content-type": "text/yaml" });
    return res.end(files[url.pathname]);
  }
  res.writeHead(404).end();
}

let root: string;
let user: string;

async function until(source: string, states: string[]): Promise<Status> {
  for (let i = 0; i < 200; i++) {
    const s = await expectOk(api<Status>("GET", `/api/v1/model-sources/${source}/sync`, { token: root }));
    if (states.includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the sync of ${source} never reached ${states.join("|")}`);
}

async function modelsOf(source: string) {
  const [s] = await getDb().select().from(modelSources).where(eq(modelSources.name, source));
  return getDb().select().from(catalogModels).where(eq(catalogModels.sourceId, s.id));
}

beforeAll(async () => {
  server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await sysadminToken();
  user = (await person("syncer")).token;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("model source sync", () => {
  it("pages through the Hub by its Link header, stops mid-way and resumes from the cursor", async () => {
    const source = uniqueName("hub");
    await expectOk(
      api("POST", "/api/v1/model-sources", {
        token: root,
        body: { name: source, kind: "huggingface", url: `${origin}/api/models?limit=4` },
      }),
      201,
    );
    const before = (await modelsOf(source)).length; // the offline catalog
    let release!: () => void;
    holdPage2 = new Promise((r) => (release = r));
    requests.length = 0;
    const started = await expectOk(api<Status>("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    expect(started).toMatchObject({ state: "running", done: 0, error: null });
    expect(started.startedAt).not.toBeNull();
    // One sync per source: a second POST while it runs is a conflict.
    expect((await api("POST", `/api/v1/model-sources/${source}/sync`, { token: root })).status).toBe(409);
    for (let i = 0; i < 200 && !requests.some((r) => r.includes("cursor=1")); i++)
      await new Promise((r) => setTimeout(r, 10));
    const mid = await expectOk(api<Status>("GET", `/api/v1/model-sources/${source}/sync`, { token: root }));
    expect(mid).toMatchObject({ state: "running", done: 4 });
    expect((await api<Status>("DELETE", `/api/v1/model-sources/${source}/sync`, { token: root })).body.state).toBe(
      "stopping",
    );
    const stopped = await until(source, ["stopped"]);
    release();
    holdPage2 = null;
    expect(stopped.done).toBe(4);
    expect((await modelsOf(source)).length).toBe(before + 4);
    // The first request asked for every field it reads (projection mode), sorted by downloads.
    const first = new URL(requests[0], origin);
    expect(first.searchParams.getAll("expand[]")).toEqual(
      expect.arrayContaining(["downloads", "likes", "lastModified", "pipeline_tag", "library_name", "tags"]),
    );
    expect(first.searchParams.get("limit")).toBe("4");

    requests.length = 0;
    await expectOk(api<Status>("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    const done = await until(source, ["done", "failed"]);
    expect(done).toMatchObject({ state: "done", done: 12, total: 12, error: null });
    // Resumed at the page that was in flight: page 1 was not fetched again.
    expect(requests.map((r) => new URL(r, origin).searchParams.get("cursor"))).toEqual(["1", "2"]);
    const models = await modelsOf(source);
    expect(models.length).toBe(before + 12);
    const m5 = models.find((m) => m.name === "org2/model-5")!;
    expect(m5).toMatchObject({
      task: "text-classification",
      framework: "transformers",
      license: "apache-2.0",
      downloads: 9995,
      likes: 5,
    });
    const tags = await getDb().select().from(catalogModelTags).where(eq(catalogModelTags.modelId, m5.id));
    expect(tags.map((t) => t.tag).sort()).toEqual(
      ["en", "license:apache-2.0", "pytorch", "text-classification", "transformers"].sort(),
    );
    // The synced models are in the catalog API, filtered and sorted.
    const page = await expectOk(
      api<{ items: { name: string }[] }>("GET", `/api/v1/model-sources/${source}/models?tag=timm&limit=3`, {
        token: user,
      }),
    );
    expect(page.items.map((i) => i.name)).toEqual(["org0/model-0", "org2/model-2", "org1/model-4"]);
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.target, `model-sources/${source}`));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("models.sources.sync"))).toEqual([
      "models.sources.sync.start",
      "models.sources.sync.stop",
      "models.sources.sync.start",
    ]);
    // Starting after a finished sync starts over.
    requests.length = 0;
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    expect(await until(source, ["done", "failed"])).toMatchObject({ state: "done", done: 12 });
    expect(requests.length).toBe(3);
  });

  it("stops after the page in flight when another process asked (the row says stopping), keeping that page", async () => {
    const source = uniqueName("hubx");
    await expectOk(
      api("POST", "/api/v1/model-sources", {
        token: root,
        body: { name: source, kind: "huggingface", url: `${origin}/api/models?limit=4` },
      }),
      201,
    );
    let release!: () => void;
    holdPage2 = new Promise((r) => (release = r));
    requests.length = 0;
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    for (let i = 0; i < 200 && !requests.some((r) => r.includes("cursor=1")); i++)
      await new Promise((r) => setTimeout(r, 10));
    // What a DELETE served by another replica writes; this process's job has no abort signal from it.
    await getDb().update(modelSources).set({ syncState: "stopping" }).where(eq(modelSources.name, source));
    release();
    holdPage2 = null;
    const stopped = await until(source, ["stopped"]);
    expect(stopped.done).toBe(8);
    const [row] = await getDb().select().from(modelSources).where(eq(modelSources.name, source));
    expect(new URL(row.syncCursor!).searchParams.get("cursor")).toBe("2");
    requests.length = 0;
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    expect(await until(source, ["done", "failed"])).toMatchObject({ state: "done", done: 12, total: 12 });
    expect(requests.map((r) => new URL(r, origin).searchParams.get("cursor"))).toEqual(["2"]);
  });

  it("lets a start take over a sync whose process died (no page for minutes), but not a live one", async () => {
    const source = uniqueName("hubdead");
    await expectOk(
      api("POST", "/api/v1/model-sources", {
        token: root,
        body: { name: source, kind: "huggingface", url: `${origin}/api/models?limit=4` },
      }),
      201,
    );
    await getDb().update(modelSources).set({ syncState: "running" }).where(eq(modelSources.name, source));
    expect((await api("POST", `/api/v1/model-sources/${source}/sync`, { token: root })).status).toBe(409);
    await getDb()
      .update(modelSources)
      .set({ updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(modelSources.name, source));
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    expect(await until(source, ["done", "failed"])).toMatchObject({ state: "done", done: 12 });
  });

  it("records an upstream failure after the Hub's rate limit outlasts its retries", async () => {
    const source = uniqueName("hubfail");
    await expectOk(
      api("POST", "/api/v1/model-sources", {
        token: root,
        body: { name: source, kind: "huggingface", url: `${origin}/api/models?limit=4&fail=1` },
      }),
      201,
    );
    requests.length = 0;
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    const failed = await until(source, ["failed", "done"]);
    expect(failed.state).toBe("failed");
    expect(failed.error).toContain("429");
    // It waited as Retry-After said and tried again, twice, before giving up.
    expect(requests.filter((r) => r.includes("fail=1")).length).toBe(3);
  });

  it("imports OpenMMLab metafiles one page each, with task, tags and a card", async () => {
    const source = uniqueName("mm");
    await expectOk(
      api("POST", "/api/v1/model-sources", {
        token: root,
        body: { name: source, kind: "openmmlab", url: `${origin}/mmpretrain/model-index.yml` },
      }),
      201,
    );
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    expect(await until(source, ["done", "failed"])).toMatchObject({ state: "done", done: 2, total: 2 });
    const models = await modelsOf(source);
    expect(models.map((m) => m.name).sort()).toEqual([
      "resnet18_8xb32_in1k",
      "vit-base-p16_in21k-pre_3rdparty_in1k-384px",
    ]);
    const resnet = models.find((m) => m.name === "resnet18_8xb32_in1k")!;
    expect(resnet).toMatchObject({
      task: "image-classification",
      framework: "openmmlab",
      description: "Deep Residual Learning for Image Recognition",
    });
    expect(resnet.tags.split(" ")).toEqual(expect.arrayContaining(["resnet", "imagenet-1k"]));
    expect(resnet.card).toContain("Top 1 Accuracy: 69.9");
    const vit = models.find((m) => m.name.startsWith("vit-"))!;
    expect(vit.tags.split(" ")).toEqual(expect.arrayContaining(["imagenet-21k", "imagenet-1k"]));
  });

  it("re-imports Facet's own library for a modelx source without a URL", async () => {
    const source = uniqueName("mx");
    await expectOk(api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "modelx" } }), 201);
    await expectOk(api("POST", `/api/v1/model-sources/${source}/sync`, { token: root }), 202);
    const done = await until(source, ["done", "failed"]);
    expect(done.state).toBe("done");
    expect(done.done).toBe((await modelsOf(source)).length);
  });

  it("is the sysadmin's to start and stop (others get 403; progress is for all), unknown sources 404", async () => {
    const source = uniqueName("hub403");
    await expectOk(
      api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "huggingface" } }),
      201,
    );
    for (const method of ["POST", "DELETE"] as const)
      expect((await api(method, `/api/v1/model-sources/${source}/sync`, { token: user })).status, method).toBe(403);
    expect((await expectOk(api<Status>("GET", `/api/v1/model-sources/${source}/sync`, { token: user }))).state).toBe(
      "idle",
    );
    expect((await api("GET", `/api/v1/model-sources/no-${source}/sync`, { token: root })).status).toBe(404);
    // Stopping a sync that is not running changes nothing.
    expect((await expectOk(api<Status>("DELETE", `/api/v1/model-sources/${source}/sync`, { token: root }))).state).toBe(
      "idle",
    );
    const [s] = await getDb()
      .select()
      .from(modelSources)
      .where(and(eq(modelSources.name, source)));
    expect(s.syncState).toBe("idle");
  });
});

describe("check connection", () => {
  const create = async (kind: string, url: string | null) => {
    const name = uniqueName(`chk-${kind.slice(0, 4)}`);
    await expectOk(api("POST", "/api/v1/model-sources", { token: root, body: { name, kind, url } }), 201);
    return name;
  };
  const check = (source: string, token = root) =>
    api<{ ok: boolean; models: number; total: number | null; error: string | null; latencyMs: number }>(
      "POST",
      `/api/v1/model-sources/${source}/check`,
      { token },
    );

  it("reads the first page of the Hub and of OpenMMLab's index, and imports nothing", async () => {
    const hub = await create("huggingface", `${origin}/api/models?limit=4`);
    const mm = await create("openmmlab", `${origin}/mmpretrain/model-index.yml`);
    // A new Hub source starts with the offline catalog; a check adds nothing to it.
    const before = [(await modelsOf(hub)).length, (await modelsOf(mm)).length];
    requests.length = 0;
    expect(await expectOk(check(hub))).toMatchObject({ ok: true, models: 4, error: null });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^\/api\/models\?/);
    expect(await expectOk(check(mm))).toMatchObject({ ok: true, error: null });
    expect([(await modelsOf(hub)).length, (await modelsOf(mm)).length]).toEqual(before);
  });

  it("counts the library's models for Facet's own registry", async () => {
    const mx = await create("modelx", null);
    // One more library model than there was, taken out again: later files share the database.
    const model = uniqueName("checked");
    await getDb()
      .insert(modelxManifests)
      .values({ repository: "library", model, reference: "v1", manifest: "{}", size: 2 });
    try {
      const [{ n }] = await getDb()
        .select({ n: count() })
        .from(modelxManifests)
        .where(eq(modelxManifests.repository, "library"));
      expect(Number(n)).toBeGreaterThan(0);
      expect(await expectOk(check(mx))).toMatchObject({ ok: true, models: Number(n), error: null });
    } finally {
      await getDb().delete(modelxManifests).where(eq(modelxManifests.model, model));
    }
  });

  it("answers a failed check as its result: the upstream's status, a refused port, a page that is not a listing", async () => {
    const missing = await create("huggingface", `${origin}/elsewhere/api/models`);
    const notFound = await expectOk(check(missing));
    expect(notFound).toMatchObject({ ok: false, models: 0 });
    expect(notFound.error).toContain("404");
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await expectOk(check(await create("huggingface", `http://127.0.0.1:${port}/api/models`)));
    expect(refused.ok).toBe(false);
    expect(refused.error).toBeTruthy();
    const yaml = await expectOk(check(await create("huggingface", `${origin}/mmpretrain/model-index.yml`)));
    expect(yaml).toMatchObject({ ok: false });
  });

  it("is the sysadmin's, audited; unknown sources 404", async () => {
    const hub = await create("huggingface", `${origin}/api/models?limit=4`);
    for (const token of [user, (await person("checker")).token]) expect((await check(hub, token)).status).toBe(403);
    expect((await check(`no-${hub}`)).status).toBe(404);
    await expectOk(check(hub));
    const audits = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "models.sources.check"), eq(auditLogs.target, `model-sources/${hub}`)));
    expect(audits).toHaveLength(1);
  });
});
