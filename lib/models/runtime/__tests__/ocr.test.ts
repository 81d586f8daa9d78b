// OCR through the built-in runtime end to end: a real worker process loads PP-OCRv4 on
// onnxruntime-node and reads back text that sharp rendered from an SVG; requests and answers are
// checked against the Open Inference Protocol's OpenAPI schemas, errors included.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_MODELS } from "../builtin";
import { MAX_OCR_PIXELS, type OcrLine } from "../builtin/ocr";
import { createRuntimePool, type RuntimePool } from "../pool";
import { conforms } from "../protocol/open-inference";
import { serveV2, type ServedModel } from "../serve-v2";

const served: ServedModel = { name: "reader", implementation: "ocr-en", version: "v1" };

let pool: RuntimePool;
beforeAll(() => {
  pool = createRuntimePool();
});
afterAll(() => pool.close());

/** A PNG with these lines of black text on white, one under the other. */
async function textImage(lines: string[], width = 720): Promise<Buffer> {
  const rows = lines
    .map(
      (line, i) =>
        `<text x="24" y="${80 + i * 90}" font-family="DejaVu Sans, sans-serif" font-size="52" fill="black">${line}</text>`,
    )
    .join("");
  const height = 40 + lines.length * 90;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${rows}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const imageRequest = (...images: string[]) => ({
  inputs: [
    {
      name: "args",
      shape: [images.length],
      datatype: "BYTES",
      parameters: { content_type: "pillow_image" },
      data: images,
    },
  ],
});

async function infer(body: unknown) {
  expect(conforms("inference_request", body)).toEqual({ ok: true });
  const answer = await serveV2(pool, served, "POST", ["models", "reader", "infer"], async () => body);
  const schema = answer.status === 200 ? "inference_response" : "inference_error_response";
  expect(conforms(schema, answer.body), JSON.stringify(answer.body)).toEqual({ ok: true });
  return answer;
}

const linesOf = (body: unknown) =>
  (body as { outputs: { data: string[] }[] }).outputs[0].data.map((s) => JSON.parse(s) as OcrLine);

describe("ocr-en on the built-in runtime", () => {
  it("is a built-in model with what the catalog publisher needs", () => {
    const spec = BUILTIN_MODELS.get("ocr-en");
    expect(spec).toBeDefined();
    expect(spec!.description.length).toBeGreaterThan(20);
    expect(spec!.license).toBeTruthy();
    expect(spec!.packages.some((p) => p.startsWith("onnxruntime-node@1.30.0"))).toBe(true);
    expect(spec!.inputs[0]).toMatchObject({
      name: "args",
      datatype: "BYTES",
      parameters: { content_type: "pillow_image" },
    });
  });

  it("is published into the library as library/ocr-en:v1 by the built-in catalog publisher", async () => {
    const { publishBuiltinModels } = await import("@/lib/models/builtin-catalog/publish-builtin-models");
    const ctx = { actor: null, scope: {}, requestId: "ocr-publish-test", clientAddress: null };
    expect(await publishBuiltinModels(ctx)).toContain("library/ocr-en:v1");
  });

  it("reads back the text rendered into an image, with a score and a box inside the image", async () => {
    const png = await textImage(["Hello Facet 2026", "Inference preview"]);
    const answer = await infer({ id: "ocr-1", ...imageRequest(png.toString("base64")) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ model_name: "reader", model_version: "v1", id: "ocr-1" });
    const lines = linesOf(answer.body);
    expect(lines.map((l) => l.text)).toEqual(["Hello Facet 2026", "Inference preview"]);
    const { width, height } = await sharp(png).metadata();
    for (const line of lines) {
      expect(line.score).toBeGreaterThan(0.8);
      expect(line.score).toBeLessThanOrEqual(1);
      expect(line.box).toHaveLength(4);
      for (const [x, y] of line.box) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width!);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height!);
      }
    }
    // The first line's box is above the second's.
    expect(lines[0].box[2][1]).toBeLessThanOrEqual(lines[1].box[0][1] + 5);
  }, 60_000);

  it("accepts a data: URL prefix and answers one list per image when given several", async () => {
    const a = await textImage(["ALPHA 42"]);
    const b = await textImage(["Beta 7"]);
    const answer = await infer(imageRequest(`data:image/png;base64,${a.toString("base64")}`, b.toString("base64")));
    expect(answer.status).toBe(200);
    const perImage = (answer.body as { outputs: { data: string[] }[] }).outputs[0].data.map(
      (s) => JSON.parse(s) as OcrLine[],
    );
    expect(perImage.map((lines) => lines.map((l) => l.text))).toEqual([["ALPHA 42"], ["Beta 7"]]);
  }, 60_000);

  it("answers an empty list for an image without text", async () => {
    const blank = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const answer = await infer(imageRequest(blank.toString("base64")));
    expect(answer.status).toBe(200);
    expect(linesOf(answer.body)).toEqual([]);
  }, 30_000);

  it("refuses an image over 16 MP with 413 before decoding it", async () => {
    // 4097 × 4097 > 16 MiP; a flat PNG of that size is small to send.
    const side = Math.floor(Math.sqrt(MAX_OCR_PIXELS)) + 1;
    const huge = await sharp({ create: { width: side, height: side, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const answer = await infer(imageRequest(huge.toString("base64")));
    expect(answer.status).toBe(413);
    expect((answer.body as { error: string }).error).toMatch(/args.*16 MP/);
  }, 30_000);

  it("names the input for bytes that are not an image, not base64, or not BYTES", async () => {
    const notImage = await infer(imageRequest(Buffer.from("plain text, not a picture").toString("base64")));
    expect(notImage.status).toBe(400);
    expect((notImage.body as { error: string }).error).toMatch(/'args'.*not a readable image/);

    const notBase64 = await infer(imageRequest("***"));
    expect(notBase64.status).toBe(400);
    expect((notBase64.body as { error: string }).error).toMatch(/'args'.*not base64/);

    const wrongType = await infer({ inputs: [{ name: "args", shape: [1], datatype: "FP32", data: [1] }] });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { error: string }).error).toMatch(/'args'.*datatype FP32, expected BYTES/);

    // Text with content_type str reaches the model as a string, not bytes: refused, named.
    const asText = await infer({
      inputs: [{ name: "args", shape: [1], datatype: "BYTES", parameters: { content_type: "str" }, data: ["hi"] }],
    });
    expect(asText.status).toBe(400);
    expect((asText.body as { error: string }).error).toMatch(/'args'.*not an image/);

    const tooMany = await infer(imageRequest("aGk=", "aGk=", "aGk=", "aGk=", "aGk="));
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { error: string }).error).toMatch(/at most 4 images/);
  }, 30_000);

  it("runs in its own worker process, not the caller's", async () => {
    await pool.load("ocr-en");
    const pid = pool.workerPid("ocr-en");
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
  });
});
