// Safe to import from client components: what the inference preview sends (a V2 request per
// task, in MLServer's HuggingFace encoding) and how it reads the answer back for people.

/** The preview's forms; a deployment's task (pipeline tag) picks one. */
export type PreviewForm = "text" | "question" | "fill-mask" | "image";

const FORMS: Record<string, PreviewForm> = {
  "text-classification": "text",
  "sentiment-analysis": "text",
  "token-classification": "text",
  ner: "text",
  "zero-shot-classification": "text",
  "text-generation": "text",
  summarization: "text",
  translation: "text",
  "question-answering": "question",
  "fill-mask": "fill-mask",
  "image-classification": "image",
  "object-detection": "image",
  "image-to-text": "image",
  ocr: "image",
};

export const formOf = (task: string): PreviewForm => FORMS[task] ?? "text";

/** What the person typed or picked, by form. `image` is base64 without a `data:` prefix. */
export type PreviewInput =
  | { form: "text"; text: string }
  | { form: "question"; question: string; context: string }
  | { form: "fill-mask"; text: string }
  | { form: "image"; image: string };

export const MASK = "<mask>";

/** Images the preview will send: the built-in OCR reads at most 16 MP; bytes bounded for the body. */
// 5 MB of image is about 6.7 MB of base64 JSON: under the V2 route's 8 MiB body limit.
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 16 * 1024 * 1024;

export interface V2RequestInput {
  name: string;
  shape: number[];
  datatype: "BYTES";
  parameters: { content_type: "str" | "pillow_image" };
  data: string[];
}
export interface V2InferRequest {
  id: string;
  inputs: V2RequestInput[];
}

const text = (name: string, value: string): V2RequestInput => ({
  name,
  shape: [1],
  datatype: "BYTES",
  parameters: { content_type: "str" },
  data: [value],
});

/** The V2 request for one preview; MLServer's HF runtime takes `args`, or `question` + `context`. */
export function buildInferRequest(input: PreviewInput, id: string): V2InferRequest {
  switch (input.form) {
    case "question":
      return { id, inputs: [text("question", input.question), text("context", input.context)] };
    case "image":
      return {
        id,
        inputs: [
          {
            name: "args",
            shape: [1],
            datatype: "BYTES",
            parameters: { content_type: "pillow_image" },
            data: [input.image],
          },
        ],
      };
    default:
      return { id, inputs: [text("args", input.text)] };
  }
}

export type PreviewProblem =
  | "models.preview.error.textRequired"
  | "models.preview.error.questionRequired"
  | "models.preview.error.maskRequired"
  | "models.preview.error.imageRequired"
  | "models.preview.error.notImage"
  | "models.preview.error.imageTooLarge"
  | "models.preview.error.imageTooManyPixels";

/** Why a preview cannot be sent yet, as an i18n key, or null. */
export function inputProblem(input: PreviewInput): PreviewProblem | null {
  switch (input.form) {
    case "text":
      return input.text.trim() ? null : "models.preview.error.textRequired";
    case "question":
      return !input.question.trim() || !input.context.trim() ? "models.preview.error.questionRequired" : null;
    case "fill-mask":
      return input.text.includes(MASK) ? null : "models.preview.error.maskRequired";
    case "image":
      return input.image ? null : "models.preview.error.imageRequired";
  }
}

/** Strips `data:…;base64,` from a data URL (the protocol carries the bare base64). */
export const bareBase64 = (dataUrl: string) => dataUrl.replace(/^data:[^,]*;base64,/, "");

/** Why an image file is refused before sending it, as an i18n key, or null. */
export function imageProblem(file: { type: string; size: number }, pixels?: number): PreviewProblem | null {
  if (!file.type.startsWith("image/")) return "models.preview.error.notImage";
  if (file.size > MAX_IMAGE_BYTES) return "models.preview.error.imageTooLarge";
  if (pixels !== undefined && pixels > MAX_IMAGE_PIXELS) return "models.preview.error.imageTooManyPixels";
  return null;
}

export interface Score {
  label: string;
  score: number;
}
export interface EntitySpan {
  label: string;
  start: number;
  end: number;
  score: number | null;
}
export interface Region {
  label: string;
  score: number | null;
  /** Polygon corners in the image's pixels. */
  points: [number, number][];
}

/** What a response means, ready to draw. */
export type PreviewResult =
  | { kind: "scores"; scores: Score[] }
  | { kind: "entities"; text: string; spans: EntitySpan[] }
  | { kind: "answer"; answer: string; score: number | null; context: string; start: number | null; end: number | null }
  | { kind: "fills"; fills: { sequence: string; token: string; score: number }[] }
  | { kind: "regions"; regions: Region[] }
  | { kind: "raw" };

type Item = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The elements of the first output: hg_jsonlist strings parsed, lists of lists flattened. */
export function outputItems(response: unknown): Item[] {
  const outputs = (response as { outputs?: { data?: unknown[]; parameters?: { content_type?: string } }[] })?.outputs;
  const data = outputs?.[0]?.data ?? [];
  const items: unknown[] = [];
  for (const element of data) {
    let value = element;
    if (typeof element === "string") {
      try {
        value = JSON.parse(element);
      } catch {
        value = { label: element };
      }
    }
    if (Array.isArray(value)) items.push(...value);
    else items.push(value);
  }
  return items.filter((i): i is Item => typeof i === "object" && i !== null && !Array.isArray(i));
}

/** Reads a V2 response as the deployment's task answers; anything unexpected is shown raw. */
export function readResult(task: string, input: PreviewInput, response: unknown): PreviewResult {
  const items = outputItems(response);
  if (items.length === 0 && input.form !== "image") return { kind: "raw" };
  if (input.form === "question") {
    const best = items[0];
    const answer = str(best.answer);
    if (answer === null) return { kind: "raw" };
    return {
      kind: "answer",
      answer,
      score: num(best.score),
      context: input.context,
      start: num(best.start),
      end: num(best.end),
    };
  }
  if (input.form === "fill-mask") {
    const fills = items
      .map((i) => ({ sequence: str(i.sequence) ?? "", token: str(i.token_str) ?? "", score: num(i.score) ?? 0 }))
      .filter((f) => f.sequence || f.token);
    return fills.length ? { kind: "fills", fills } : { kind: "raw" };
  }
  if (input.form === "image") {
    const regions: Region[] = [];
    for (const i of items) {
      const label = str(i.text) ?? str(i.label) ?? "";
      const box = i.box;
      if (Array.isArray(box) && box.length >= 3 && box.every((p) => Array.isArray(p) && p.length === 2))
        regions.push({ label, score: num(i.score), points: box.map(([x, y]) => [Number(x), Number(y)]) });
      else if (box && typeof box === "object") {
        const b = box as Record<string, unknown>;
        const [x0, y0, x1, y1] = [num(b.xmin), num(b.ymin), num(b.xmax), num(b.ymax)];
        if (x0 !== null && y0 !== null && x1 !== null && y1 !== null)
          regions.push({
            label,
            score: num(i.score),
            points: [
              [x0, y0],
              [x1, y0],
              [x1, y1],
              [x0, y1],
            ],
          });
      }
    }
    if (regions.length || (task !== "image-classification" && items.length === 0)) return { kind: "regions", regions };
  }
  if (
    task === "token-classification" ||
    task === "ner" ||
    items.some((i) => num(i.start) !== null && num(i.end) !== null && !("answer" in i))
  ) {
    if (input.form !== "text") return { kind: "raw" };
    const spans = items
      .map((i) => ({
        label: str(i.entity_group) ?? str(i.entity) ?? "",
        start: num(i.start) ?? -1,
        end: num(i.end) ?? -1,
        score: num(i.score),
      }))
      .filter((s) => s.start >= 0 && s.end > s.start && s.end <= input.text.length)
      .sort((a, b) => a.start - b.start);
    return { kind: "entities", text: input.text, spans };
  }
  const scores = items
    .map((i) => ({ label: str(i.label) ?? "", score: num(i.score) }))
    .filter((s): s is Score => s.label !== "" && s.score !== null)
    .sort((a, b) => b.score - a.score);
  return scores.length ? { kind: "scores", scores } : { kind: "raw" };
}

/** Text cut into plain and entity pieces (overlapping spans: the later one is dropped). */
export function segmentText(text: string, spans: EntitySpan[]): { text: string; span: EntitySpan | null }[] {
  const pieces: { text: string; span: EntitySpan | null }[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), span: null });
    pieces.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), span: null });
  return pieces;
}

/** Longest request body the snippet shows inline; larger ones (images) are read from a file. */
const INLINE_LIMIT = 2_000;

/**
 * A curl command for the same request. The token is a shell variable the reader sets: the
 * snippet never carries the person's session.
 */
export function curlSnippet(origin: string, path: string, request: V2InferRequest): string {
  const body = JSON.stringify(request);
  const lines = [
    `export FACET_TOKEN=<your API token>`,
    `curl -sS -X POST '${origin}${path}' \\`,
    `  -H "Authorization: Bearer $FACET_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
  ];
  // In single quotes the shell takes everything literally but a quote, written '\''.
  if (body.length <= INLINE_LIMIT) lines.push(`  -d '${body.replaceAll("'", "'\\''")}'`);
  else lines.push(`  -d @request.json   # download the request (request.json) next to the snippet`);
  return lines.join("\n");
}
