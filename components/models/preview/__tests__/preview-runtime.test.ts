// The preview against the real built-in runtime: what the preview sends is served by real worker
// processes (wink-nlp, PP-OCRv4), read back by the preview and drawn as people see it (rendered
// to markup, in both languages).
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { createRuntimePool, type RuntimePool } from "@/lib/models/runtime/pool";
import { conforms } from "@/lib/models/runtime/protocol/open-inference";
import { serveV2, type ServedModel } from "@/lib/models/runtime/serve-v2";
import { PreviewResultView } from "../results";
import { buildInferRequest, readResult, type PreviewInput, type PreviewResult } from "../v2";

let pool: RuntimePool;
beforeAll(() => {
  pool = createRuntimePool();
});
afterAll(() => pool.close());

async function preview(served: ServedModel, task: string, input: PreviewInput): Promise<PreviewResult> {
  const request = buildInferRequest(input, "preview-test");
  expect(conforms("inference_request", request)).toEqual({ ok: true });
  const answer = await serveV2(pool, served, "POST", ["models", served.name, "infer"], async () => request);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(conforms("inference_response", answer.body)).toEqual({ ok: true });
  return readResult(task, input, answer.body);
}

const draw = (
  result: PreviewResult,
  locale: "en" | "zh-CN" = "en",
  image: { src: string; width: number; height: number } | null = null,
) =>
  renderToStaticMarkup(
    createElement(
      I18nProvider,
      { locale } as ComponentProps<typeof I18nProvider>,
      createElement(PreviewResultView, { result, image }),
    ),
  );

describe("preview on the built-in runtime", () => {
  const sentiment: ServedModel = { name: "sentiment", implementation: "sentiment-en", version: "v1" };
  const entities: ServedModel = { name: "finder", implementation: "entities-en", version: "v1" };
  const ocr: ServedModel = { name: "reader", implementation: "ocr-en", version: "v1" };

  it("shows positive for 'I love this' and negative for 'I hate this' as the top score bar", async () => {
    const love = await preview(sentiment, "text-classification", { form: "text", text: "I love this" });
    expect(love.kind === "scores" && love.scores[0].label).toBe("POSITIVE");
    const hate = await preview(sentiment, "text-classification", { form: "text", text: "I hate this" });
    expect(hate.kind === "scores" && hate.scores[0].label).toBe("NEGATIVE");
    const html = draw(love);
    expect(html).toMatch(/<ul aria-label="Labels and scores"/);
    expect(html).toMatch(/data-label="POSITIVE"/);
    expect(draw(love, "zh-CN")).toMatch(/aria-label="标签与得分"/);
  });

  it("highlights entities at the offsets the model gives", async () => {
    const text = "Send $25 to ada@example.com on Friday";
    const result = await preview(entities, "token-classification", { form: "text", text });
    expect(result.kind).toBe("entities");
    if (result.kind !== "entities") return;
    const marked = result.spans.map((s) => text.slice(s.start, s.end));
    expect(marked).toContain("ada@example.com");
    const html = draw(result);
    expect(html).toMatch(/<mark[^>]*data-entity="EMAIL"[^>]*>ada@example.com/);
  });

  it("draws OCR lines as boxes and text over the uploaded image", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="140"><rect width="100%" height="100%" fill="white"/><text x="24" y="90" font-family="DejaVu Sans, sans-serif" font-size="56" fill="black">Hello Facet 2026</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const result = await preview(ocr, "image-to-text", { form: "image", image: png.toString("base64") });
    expect(result.kind === "regions" && result.regions.map((r) => r.label)).toEqual(["Hello Facet 2026"]);
    const html = draw(result, "en", { src: "blob:x", width: 640, height: 140 });
    expect(html).toMatch(/<svg viewBox="0 0 640 140"/);
    expect(html.match(/<polygon/g)).toHaveLength(1);
    expect(html).toMatch(/<text[^>]*>Hello Facet 2026<\/text>/);
    expect(html).toMatch(/<ol aria-label="Found in the image"[\s\S]*data-region="Hello Facet 2026"/);
  }, 60_000);

  it("says so when an image has no text, in either language", async () => {
    const blank = await sharp({ create: { width: 120, height: 60, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const result = await preview(ocr, "image-to-text", { form: "image", image: blank.toString("base64") });
    expect(result).toEqual({ kind: "regions", regions: [] });
    expect(draw(result, "en", { src: "blob:x", width: 120, height: 60 })).toContain("Nothing found in this image.");
    expect(draw(result, "zh-CN", { src: "blob:x", width: 120, height: 60 })).toContain("此图片中未识别到内容。");
  }, 60_000);
});
