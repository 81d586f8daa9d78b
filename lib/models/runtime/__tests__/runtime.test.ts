// The built-in V2 runtime end to end: real worker processes running wink-nlp, every answer and
// every request checked against the Open Inference Protocol's published OpenAPI schemas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimePool, type RuntimePool } from "../pool";
import { conforms, type V2Schema } from "../protocol/open-inference";
import { serveV2, type ServedModel } from "../serve-v2";

const sentiment: ServedModel = { name: "reviews", implementation: "sentiment-en", version: "1" };
const entities: ServedModel = { name: "finder", implementation: "entities-en", version: "2" };

let pool: RuntimePool;
beforeAll(() => {
  pool = createRuntimePool();
});
afterAll(() => pool.close());

const text = (...texts: string[]) => ({
  inputs: [
    { name: "args", shape: [texts.length], datatype: "BYTES", parameters: { content_type: "str" }, data: texts },
  ],
});

/** Sends a request as a client would, after checking it is one the protocol allows. */
async function call(served: ServedModel, method: string, path: string, body?: unknown) {
  if (body !== undefined && path.endsWith("/infer")) expect(conforms("inference_request", body)).toEqual({ ok: true });
  return serveV2(pool, served, method, path.split("/"), async () => body);
}

function expectConforms(schema: V2Schema, body: unknown) {
  expect(conforms(schema, body), JSON.stringify(body)).toEqual({ ok: true });
}

const outputsOf = (body: unknown) =>
  ((body as { outputs: { data: string[] }[] }).outputs[0].data as string[]).map((s) => JSON.parse(s));

describe("built-in V2 runtime", () => {
  it("answers server metadata, health, model metadata and readiness in the protocol's shapes", async () => {
    const server = await call(sentiment, "GET", "");
    expect(server.status).toBe(200);
    expectConforms("metadata_server_response", server.body);
    expect((await call(sentiment, "GET", "health/live")).status).toBe(200);
    // Not loaded yet: not ready (MLServer answers 400 for "false").
    expect((await call(sentiment, "GET", "models/reviews/ready")).status).toBe(400);
    const meta = await call(sentiment, "GET", "models/reviews");
    expect(meta.status).toBe(200);
    expectConforms("metadata_model_response", meta.body);
    expect(meta.body).toMatchObject({
      name: "reviews",
      versions: ["1"],
      inputs: [{ name: "args", datatype: "BYTES" }],
    });
    const versioned = await call(sentiment, "GET", "models/reviews/versions/1");
    expect(versioned.body).toEqual(meta.body);
  });

  it("tells positive from negative text, in a worker process of its own", async () => {
    const res = await call(sentiment, "POST", "models/reviews/infer", {
      id: "r-1",
      ...text("I love this", "I hate this"),
    });
    expect(res.status).toBe(200);
    expectConforms("inference_response", res.body);
    expect(res.body).toMatchObject({ model_name: "reviews", model_version: "1", id: "r-1" });
    const [love, hate] = outputsOf(res.body);
    expect(love.label).toBe("POSITIVE");
    expect(hate.label).toBe("NEGATIVE");
    expect(love.score).toBeGreaterThan(0.5);
    expect(pool.workerPid("sentiment-en")).toBeGreaterThan(0);
    expect(pool.workerPid("sentiment-en")).not.toBe(process.pid);
    expect((await call(sentiment, "GET", "models/reviews/ready")).status).toBe(200);
    expect((await call(sentiment, "GET", "health/ready")).status).toBe(200);
  });

  it("finds entities with character offsets into the text", async () => {
    const sentence = "Please pay $300 by 5 June 2024, or email ada@example.com";
    const res = await call(entities, "POST", "models/finder/versions/2/infer", text(sentence));
    expect(res.status).toBe(200);
    expectConforms("inference_response", res.body);
    const found = outputsOf(res.body) as { entity_group: string; word: string; start: number; end: number }[];
    expect(found.map((e) => e.entity_group)).toEqual(expect.arrayContaining(["MONEY", "DATE", "EMAIL"]));
    for (const e of found) expect(sentence.slice(e.start, e.end)).toBe(e.word);
  });

  it("refuses bad requests with 400 naming the input and the reason, in the protocol's error shape", async () => {
    const cases: [unknown, RegExp][] = [
      [{ inputs: [{ name: "args", shape: [1], datatype: "FP32", data: [1.5] }] }, /input 'args'.*FP32.*BYTES/],
      [
        { inputs: [{ name: "args", shape: [2], datatype: "BYTES", data: ["only one"] }] },
        /input 'args'.*shape \[2\].*1/,
      ],
      [{ inputs: [{ name: "prompt", shape: [1], datatype: "BYTES", data: ["x"] }] }, /input 'prompt' is not an input/],
      [{ inputs: [{ name: "args", shape: [1], datatype: "INT64", data: [1.5] }] }, /input 'args'.*element 0.*INT64/],
      [{ inputs: [{ name: "args", shape: [1], datatype: "BYTES", data: [7] }] }, /input 'args'.*element 0.*BYTES/],
      [
        {
          inputs: [
            { name: "args", shape: [1], datatype: "BYTES", parameters: { content_type: "pickle" }, data: ["x"] },
          ],
        },
        /content_type "pickle"/,
      ],
      [
        {
          inputs: [
            { name: "args", shape: [1], datatype: "BYTES", parameters: { content_type: "hg_json" }, data: ["{"] },
          ],
        },
        /input 'args'.*not JSON/,
      ],
      [{ inputs: [] }, /inputs/],
      [{ inputs: [{ name: "args", shape: [1], datatype: "TEXT", data: ["x"] }] }, /datatype/],
      [{ inputs: [{ name: "args", shape: [200_000], datatype: "BYTES", data: [] }] }, /inputs\.0\.shape|elements/],
      [{ ...text("x"), outputs: [{ name: "logits" }] }, /output 'logits'/],
    ];
    for (const [body, reason] of cases) {
      const res = await serveV2(pool, sentiment, "POST", ["models", "reviews", "infer"], async () => body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expectConforms("inference_error_response", res.body);
      expect((res.body as { error: string }).error, JSON.stringify(body)).toMatch(reason);
    }
    let deep: unknown = ["x"];
    for (let i = 0; i < 20; i++) deep = [deep];
    const nested = await serveV2(pool, sentiment, "POST", ["models", "reviews", "infer"], async () => ({
      inputs: [{ name: "args", shape: [1], datatype: "BYTES", data: deep }],
    }));
    expect(nested.status).toBe(400);
    expect((nested.body as { error: string }).error).toMatch(/nested deeper/);
  });

  it("answers 404 for another model, another version or no such endpoint", async () => {
    for (const [method, path] of [
      ["GET", "models/other"],
      ["POST", "models/other/infer"],
      ["GET", "models/reviews/versions/9"],
      ["POST", "models/reviews/versions/9/infer"],
      ["GET", "models/reviews/explain"],
      ["GET", "repository/index"],
    ]) {
      const res = await serveV2(pool, sentiment, method, path.split("/"), async () => text("x"));
      expect(res.status, path).toBe(404);
      expectConforms("metadata_model_error_response", res.body);
    }
  });

  it("loads again after its worker dies, and unloads the least recently used model when full", async () => {
    const pid = pool.workerPid("sentiment-en")!;
    process.kill(pid, "SIGKILL");
    await expect.poll(() => pool.loaded().includes("sentiment-en")).toBe(false);
    const again = await call(sentiment, "POST", "models/reviews/infer", text("I love this"));
    expect(again.status).toBe(200);
    expect(pool.workerPid("sentiment-en")).not.toBe(pid);

    const previous = process.env.FACET_RUNTIME_MAX_WORKERS;
    process.env.FACET_RUNTIME_MAX_WORKERS = "1";
    const small = createRuntimePool();
    try {
      await small.load("sentiment-en");
      await small.load("entities-en");
      expect(small.loaded()).toEqual(["entities-en"]);
      await expect(small.load("no-such-model")).rejects.toThrow(/no model 'no-such-model'/);
    } finally {
      small.close();
      if (previous === undefined) delete process.env.FACET_RUNTIME_MAX_WORKERS;
      else process.env.FACET_RUNTIME_MAX_WORKERS = previous;
    }
  });
});
