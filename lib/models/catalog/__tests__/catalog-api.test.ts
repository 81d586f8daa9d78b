// The model catalog through its JSON API: sources (sysadmin), the offline HuggingFace catalog,
// filters, sorts and keyset paging, publish/unpublish, ids with "/" and who may do what.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, catalogModels, modelSources } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, person, sysadminToken } from "@/lib/testing/world";

interface Summary {
  name: string;
  task: string;
  downloads: number;
  likes: number;
  published: boolean;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

let root: string;
let user: string;
let source: string;
const base = () => `/api/v1/model-sources/${source}`;

beforeAll(async () => {
  root = await sysadminToken();
  user = (await person("browser")).token;
  source = uniqueName("hf");
  await expectOk(
    api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "huggingface" } }),
    201,
  );
  // Give the offline entries distinct counters, so sorts and paging have something to order.
  const [row] = await getDb().select().from(modelSources).where(eq(modelSources.name, source));
  const models = await getDb().select().from(catalogModels).where(eq(catalogModels.sourceId, row.id));
  for (const [i, m] of models.entries())
    await getDb()
      .update(catalogModels)
      .set({ downloads: (i * 7919) % 1000, likes: i % 13 })
      .where(eq(catalogModels.id, m.id));
});

async function all(path: string): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: Page = await expectOk(
      api<Page>("GET", `${path}${sep}limit=7${cursor ? `&cursor=${cursor}` : ""}`, { token: user }),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe("model catalog", () => {
  it("starts a HuggingFace source with the offline catalog from @huggingface/tasks", async () => {
    const detail = await expectOk(
      api<{ facets: { task: { value: string; count: number }[] } }>("GET", base(), { token: user }),
    );
    expect(detail.facets.task.map((t) => t.value)).toEqual(
      expect.arrayContaining(["text-classification", "image-classification", "automatic-speech-recognition"]),
    );
    const models = await all(`${base()}/models?task=text-classification`);
    expect(models.map((m) => m.name)).toContain("distilbert/distilbert-base-uncased-finetuned-sst-2-english");
    expect(models.every((m) => m.task === "text-classification")).toBe(true);
  });

  it("pages every sort without gaps or repeats, in order", async () => {
    const everything = await all(`${base()}/models`);
    expect(everything.length).toBeGreaterThan(100);
    expect(new Set(everything.map((m) => m.name)).size).toBe(everything.length);
    const downloads = everything.map((m) => m.downloads);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
    const byLikes = await all(`${base()}/models?sort=likes`);
    expect(byLikes.length).toBe(everything.length);
    expect(byLikes.map((m) => m.likes)).toEqual([...byLikes.map((m) => m.likes)].sort((a, b) => b - a));
    expect((await all(`${base()}/models?sort=recent`)).length).toBe(everything.length);
  });

  it("filters by text, tag and framework together", async () => {
    const bert = await all(`${base()}/models?q=bert`);
    expect(bert.length).toBeGreaterThan(0);
    expect(bert.every((m) => m.name.toLowerCase().includes("bert"))).toBe(true);
    const tagged = await all(`${base()}/models?tag=fill-mask&framework=transformers`);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((m) => m.task === "fill-mask")).toBe(true);
    // LIKE's wildcards are text here.
    expect(await all(`${base()}/models?q=%25`)).toEqual([]);
    expect((await all(`${base()}/models?q=_`)).every((m) => m.name.includes("_"))).toBe(true);
  });

  it("refuses bad queries with 422 naming the field", async () => {
    for (const [query, field] of [
      ["sort=stars", "query.sort"],
      ["limit=1000", "query.limit"],
      ["cursor=bm90LWEtY3Vyc29y", "query.cursor"],
      [`cursor=${Buffer.from("1/2 OR 1=1").toString("base64url")}`, "query.cursor"],
      [`task=${"x".repeat(100)}`, "query.task"],
    ]) {
      const res = await api<{ errors: { path: string }[] }>("GET", `${base()}/models?${query}`, { token: user });
      expect(res.status, query).toBe(422);
      expect(
        res.body.errors.map((e) => e.path),
        query,
      ).toContain(field);
    }
  });

  it("opens a model whose id has a slash, and hides unpublished ones from everyone but admins", async () => {
    const id = "distilbert/distilbert-base-uncased-finetuned-sst-2-english";
    const model = await expectOk(api<{ name: string; task: string }>("GET", `${base()}/models/${id}`, { token: user }));
    expect(model).toMatchObject({ name: id, task: "text-classification" });
    expect((await api("PUT", `${base()}/models/${id}`, { token: user, body: { published: false } })).status).toBe(403);
    await expectOk(
      api("PUT", `${base()}/models/${id}`, { token: root, body: { published: false, recommended: true } }),
    );
    expect((await api("GET", `${base()}/models/${id}`, { token: user })).status).toBe(404);
    expect((await all(`${base()}/models?q=distilbert-base-uncased-finetuned`)).map((m) => m.name)).not.toContain(id);
    const asAdmin = await expectOk(
      api<Page>("GET", `${base()}/models?q=distilbert-base-uncased-finetuned&all=true`, { token: root }),
    );
    expect(asAdmin.items.map((m) => m.name)).toContain(id);
    // `all` is an admin's switch: for others it changes nothing.
    const asUser = await expectOk(
      api<Page>("GET", `${base()}/models?q=distilbert-base-uncased-finetuned&all=true`, { token: user }),
    );
    expect(asUser.items.map((m) => m.name)).not.toContain(id);
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "models.catalog.update"),
          eq(auditLogs.target, `model-sources/${source}/models/${id}`),
        ),
      );
    expect(audit).toHaveLength(1);
    expect((await api("GET", `${base()}/models/no/such/model`, { token: user })).status).toBe(404);
  });

  it("keeps sources the sysadmin's: others may read but not write, and bad input is 422", async () => {
    expect((await api("GET", "/api/v1/model-sources", { token: user })).status).toBe(200);
    expect(
      (await api("POST", "/api/v1/model-sources", { token: user, body: { name: "mine", kind: "modelx" } })).status,
    ).toBe(403);
    expect((await api("PUT", base(), { token: user, body: { enabled: false } })).status).toBe(403);
    expect((await api("DELETE", base(), { token: user })).status).toBe(403);
    for (const [body, field] of [
      [{ name: "Bad_Name", kind: "modelx" }, "body.name"],
      [{ name: "ok", kind: "npm" }, "body.kind"],
      [{ name: "ok", kind: "openmmlab", url: "ftp://x.example/model-index.yml" }, "body.url"],
      [{ name: "ok2", kind: "openmmlab", url: "http://169.254.169.254/latest/meta-data" }, "body.url"],
      [{ name: "ok3", kind: "openmmlab", url: "http://10.0.0.8/model-index.yml" }, "body.url"],
    ] as const) {
      const res = await api<{ errors: { path: string }[] }>("POST", "/api/v1/model-sources", { token: root, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e) => e.path)).toContain(field);
    }
    expect(
      (await api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "modelx" } })).status,
    ).toBe(409);
    const other = uniqueName("gone");
    await expectOk(
      api("POST", "/api/v1/model-sources", { token: root, body: { name: other, kind: "huggingface" } }),
      201,
    );
    expect((await api("DELETE", `/api/v1/model-sources/${other}`, { token: root })).status).toBe(204);
    expect((await api("GET", `/api/v1/model-sources/${other}`, { token: root })).status).toBe(404);
  });
});
