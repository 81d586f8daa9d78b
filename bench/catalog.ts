// Model catalog bench: BENCH_MODELS (50,000) models in one source, inserted in bulk with their
// tags, then filtered pages through the real route handlers (lib/testing/api: in-process, as an
// HTTP client calls them): task + each sort, text search, tag, and deep keyset (cursor) pages.
// Prints p50/p95 per query kind; the target is p95 ≤ 200 ms. Run: npm run bench:catalog
// Env: BENCH_MODELS (50000), BENCH_REQUESTS (40 per kind).
import { fmt, onThrowawayDatabase, quantile } from "./telemetry-common";

const MODELS = Number(process.env.BENCH_MODELS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const TARGET_P95_MS = 200;
const TASKS = [
  "text-classification",
  "token-classification",
  "question-answering",
  "translation",
  "summarization",
  "text-generation",
  "fill-mask",
  "sentence-similarity",
  "image-classification",
  "object-detection",
  "image-segmentation",
  "automatic-speech-recognition",
  "text-to-image",
  "feature-extraction",
  "zero-shot-classification",
  "image-to-text",
  "depth-estimation",
  "audio-classification",
  "tabular-classification",
  "reinforcement-learning",
];
const FRAMEWORKS = ["transformers", "timm", "diffusers", "sentence-transformers", "onnx", "keras"];
const LICENSES = ["apache-2.0", "mit", "cc-by-4.0", "openrail", "other"];
const LANGS = ["en", "zh", "fr", "de", "es", "ja", "multilingual"];
const WORDS = [
  "bert",
  "roberta",
  "vit",
  "whisper",
  "llama",
  "t5",
  "clip",
  "resnet",
  "yolo",
  "gpt2",
  "mistral",
  "deberta",
];

/** A deterministic pseudo-random stream, so every run inserts the same catalog. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function run() {
  const { eq, sql } = await import("drizzle-orm");
  const { closeDb, getDb } = await import("../lib/db/client");
  const { catalogModels, catalogModelTags, modelSources } = await import("../lib/db/schema");
  const { createToken, createUser, uniqueName } = await import("../lib/testing/factories");
  const { api, expectOk } = await import("../lib/testing/world");

  const admin = await createUser({ username: uniqueName("bench"), systemRole: "sysadmin" });
  const root = (await createToken(admin.id)).token;
  const reader = await createUser({ username: uniqueName("reader") });
  const token = (await createToken(reader.id)).token;
  const source = "bench-hub";
  await expectOk(
    api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "openmmlab", url: null } }),
    201,
  );
  const [row] = await getDb().select().from(modelSources).where(eq(modelSources.name, source));

  const r = rng(15);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const started = performance.now();
  const BATCH = 2000;
  for (let i = 0; i < MODELS; i += BATCH) {
    const values = Array.from({ length: Math.min(BATCH, MODELS - i) }, (_, k) => {
      const n = i + k;
      const task = pick(TASKS);
      const framework = pick(FRAMEWORKS);
      const license = pick(LICENSES);
      // Heavy-tailed counters, as on the Hub: a few models have most downloads.
      const downloads = Math.floor(10 ** (r() * 7));
      const tags = [task, framework, `license:${license}`, pick(LANGS), ...(r() < 0.02 ? ["rare-tag"] : [])];
      const ratingCount = r() < 0.1 ? 1 + Math.floor(r() * 20) : 0;
      const ratingSum = ratingCount ? Math.round(ratingCount * (1 + r() * 4)) : 0;
      return {
        sourceId: row.id,
        name: `org${n % 997}/${pick(WORDS)}-${n}`,
        task,
        framework,
        license,
        tags: tags.join(" "),
        description: `A ${task} model`,
        downloads,
        likes: Math.floor(downloads / (50 + r() * 500)),
        ratingSum,
        ratingCount,
        ratingScore: ratingCount ? Math.round((ratingSum * 100) / ratingCount) : 0,
        lastModified: new Date(Date.UTC(2021, 0, 1) + Math.floor(r() * 4 * 365 * 86_400_000)),
      };
    });
    await getDb().insert(catalogModels).values(values);
  }
  const ids = await getDb()
    .select({ id: catalogModels.id, tags: catalogModels.tags })
    .from(catalogModels)
    .where(eq(catalogModels.sourceId, row.id));
  const tagRows = ids.flatMap((m) => m.tags.split(" ").map((tag) => ({ modelId: m.id, tag })));
  for (let i = 0; i < tagRows.length; i += 5000)
    await getDb()
      .insert(catalogModelTags)
      .values(tagRows.slice(i, i + 5000));
  await getDb().execute(sql`ANALYZE TABLE catalog_models, catalog_model_tags`);
  console.log(
    `inserted ${ids.length} models and ${tagRows.length} tags in ${fmt((performance.now() - started) / 1000)} s`,
  );

  const base = `/api/v1/model-sources/${source}/models`;
  type Page = { items: unknown[]; nextCursor: string | null };
  const get = async (query: string) => {
    const res = await api<Page>("GET", `${base}?${query}`, { token });
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // The cursor of page 20 of a listing, so "deep cursor" requests start far into it.
  const deepCursor = async (query: string) => {
    let cursor: string | null = null;
    for (let p = 0; p < 20; p++) cursor = (await get(`${query}${cursor ? `&cursor=${cursor}` : ""}`)).nextCursor;
    return cursor!;
  };
  const deep = {
    downloads: await deepCursor("sort=downloads&limit=24"),
    taskRecent: await deepCursor("task=translation&sort=recent&limit=24"),
  };

  const kinds: Record<string, (i: number) => string> = {
    "all, sort=downloads": () => "sort=downloads",
    "task + sort=downloads": (i) => `task=${TASKS[i % TASKS.length]}&sort=downloads`,
    "task + sort=likes": (i) => `task=${TASKS[i % TASKS.length]}&sort=likes`,
    "task + sort=recent": (i) => `task=${TASKS[i % TASKS.length]}&sort=recent`,
    "task + sort=rating": (i) => `task=${TASKS[i % TASKS.length]}&sort=rating`,
    "task + framework + license": (i) =>
      `task=${TASKS[i % TASKS.length]}&framework=${FRAMEWORKS[i % FRAMEWORKS.length]}&license=${LICENSES[i % LICENSES.length]}`,
    "q (common word)": (i) => `q=${WORDS[i % WORDS.length]}`,
    "q (rare: one model)": (i) => `q=-${(i * 977) % MODELS}`,
    "q + task": (i) => `q=${WORDS[i % WORDS.length]}&task=${TASKS[i % TASKS.length]}`,
    "tag (common)": (i) => `tag=${LANGS[i % LANGS.length]}`,
    "tag (rare, 2%)": () => "tag=rare-tag",
    "tag (absent)": () => "tag=no-such-tag",
    "cursor page 21, downloads": () => `sort=downloads&cursor=${deep.downloads}`,
    "cursor page 21, task + recent": () => `task=translation&sort=recent&cursor=${deep.taskRecent}`,
  };
  const results: { kind: string; p50: number; p95: number }[] = [];
  for (const [kind, query] of Object.entries(kinds)) {
    await get(query(0)); // warm the plan and the buffer pool
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await get(query(i));
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    results.push({ kind, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) });
  }
  console.log(`\n${MODELS} models, ${REQUESTS} requests per kind, limit 24 (p95 target ${TARGET_P95_MS} ms)`);
  console.log(`${"query".padEnd(32)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  for (const x of results)
    console.log(
      `${x.kind.padEnd(32)} ${fmt(x.p50).padStart(8)} ${fmt(x.p95).padStart(8)}${x.p95 > TARGET_P95_MS ? "  MISSES" : ""}`,
    );
  const missed = results.filter((x) => x.p95 > TARGET_P95_MS);
  await closeDb();
  if (missed.length) process.exitCode = 1;
}

await onThrowawayDatabase("catalog", `${MODELS} catalog models in one source`, run);
