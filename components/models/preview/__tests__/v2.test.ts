// The preview's V2 side without a browser: every request it builds is one the Open Inference
// Protocol's OpenAPI document allows, and every answer shape is read back as people see it.
import { describe, expect, it } from "vitest";
import { conforms } from "@/lib/models/runtime/protocol/open-inference";
import {
  bareBase64,
  buildInferRequest,
  curlSnippet,
  formOf,
  imageProblem,
  inputProblem,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  readResult,
  segmentText,
  type PreviewInput,
} from "../v2";

const hg = (...items: unknown[]) => ({
  model_name: "m",
  outputs: [
    {
      name: "output",
      shape: [items.length, 1],
      datatype: "BYTES",
      parameters: { content_type: "hg_jsonlist" },
      data: items.map((i) => JSON.stringify(i)),
    },
  ],
});

describe("preview requests", () => {
  const inputs: PreviewInput[] = [
    { form: "text", text: "I love this" },
    { form: "question", question: "Who?", context: "Ada wrote it." },
    { form: "fill-mask", text: "Paris is the <mask> of France." },
    { form: "image", image: "iVBORw0KGgo=" },
  ];

  it.each(inputs)("builds a request the protocol allows for the $form form", (input) => {
    const request = buildInferRequest(input, "preview-1");
    expect(conforms("inference_request", request)).toEqual({ ok: true });
    expect(request.id).toBe("preview-1");
    for (const i of request.inputs) expect(i.shape).toEqual([i.data.length]);
  });

  it("sends images as pillow_image base64 in args, texts as str, questions as question + context", () => {
    expect(buildInferRequest(inputs[3], "x").inputs).toEqual([
      {
        name: "args",
        shape: [1],
        datatype: "BYTES",
        parameters: { content_type: "pillow_image" },
        data: ["iVBORw0KGgo="],
      },
    ]);
    expect(buildInferRequest(inputs[1], "x").inputs.map((i) => [i.name, i.parameters.content_type, i.data[0]])).toEqual(
      [
        ["question", "str", "Who?"],
        ["context", "str", "Ada wrote it."],
      ],
    );
    expect(bareBase64("data:image/png;base64,AAAA")).toBe("AAAA");
    expect(bareBase64("AAAA")).toBe("AAAA");
  });

  it("picks the form by task, text when the task is unknown", () => {
    expect(formOf("text-classification")).toBe("text");
    expect(formOf("token-classification")).toBe("text");
    expect(formOf("question-answering")).toBe("question");
    expect(formOf("fill-mask")).toBe("fill-mask");
    expect(formOf("image-classification")).toBe("image");
    expect(formOf("object-detection")).toBe("image");
    expect(formOf("image-to-text")).toBe("image");
    expect(formOf("something-new")).toBe("text");
  });

  it("refuses empty text, a missing question or context, a fill-mask without <mask>, no image", () => {
    expect(inputProblem({ form: "text", text: "  " })).toBe("models.preview.error.textRequired");
    expect(inputProblem({ form: "question", question: "q", context: " " })).toBe(
      "models.preview.error.questionRequired",
    );
    expect(inputProblem({ form: "fill-mask", text: "Paris is the [MASK]." })).toBe("models.preview.error.maskRequired");
    expect(inputProblem({ form: "image", image: "" })).toBe("models.preview.error.imageRequired");
    expect(inputs.map(inputProblem)).toEqual([null, null, null, null]);
  });

  it("checks an image's type, bytes and pixels before sending it", () => {
    expect(imageProblem({ type: "text/plain", size: 10 })).toBe("models.preview.error.notImage");
    expect(imageProblem({ type: "image/png", size: MAX_IMAGE_BYTES + 1 })).toBe("models.preview.error.imageTooLarge");
    expect(imageProblem({ type: "image/png", size: MAX_IMAGE_BYTES })).toBeNull();
    expect(imageProblem({ type: "image/png", size: 10 }, MAX_IMAGE_PIXELS + 1)).toBe(
      "models.preview.error.imageTooManyPixels",
    );
    expect(imageProblem({ type: "image/jpeg", size: 10 }, MAX_IMAGE_PIXELS)).toBeNull();
  });
});

describe("reading answers", () => {
  const text = (t: string): PreviewInput => ({ form: "text", text: t });

  it("reads a classification as score bars, best first", () => {
    expect(readResult("text-classification", text("I love this"), hg({ label: "POSITIVE", score: 0.9 }))).toEqual({
      kind: "scores",
      scores: [{ label: "POSITIVE", score: 0.9 }],
    });
    const many = readResult(
      "image-classification",
      { form: "image", image: "x" },
      hg([
        { label: "cat", score: 0.2 },
        { label: "dog", score: 0.7 },
      ]),
    );
    expect(many).toEqual({
      kind: "scores",
      scores: [
        { label: "dog", score: 0.7 },
        { label: "cat", score: 0.2 },
      ],
    });
  });

  it("reads entities as spans of the text and cuts the text around them", () => {
    const t = "Pay $5 on 3 May";
    const result = readResult(
      "token-classification",
      text(t),
      hg(
        { entity_group: "MONEY", word: "$5", start: 4, end: 6, score: 1 },
        { entity_group: "DATE", word: "3 May", start: 10, end: 15, score: 1 },
        { entity_group: "BAD", word: "?", start: 10, end: 99, score: 1 },
      ),
    );
    expect(result.kind).toBe("entities");
    if (result.kind !== "entities") return;
    expect(result.spans.map((s) => s.label)).toEqual(["MONEY", "DATE"]);
    expect(segmentText(t, result.spans).map((p) => [p.text, p.span?.label ?? null])).toEqual([
      ["Pay ", null],
      ["$5", "MONEY"],
      [" on ", null],
      ["3 May", "DATE"],
    ]);
    // Overlaps keep the first span.
    expect(
      segmentText("abcdef", [
        { label: "A", start: 0, end: 4, score: null },
        { label: "B", start: 2, end: 6, score: null },
      ]).map((p) => p.text),
    ).toEqual(["abcd", "ef"]);
  });

  it("reads an answer with its place in the context, and fill-mask candidates", () => {
    const q: PreviewInput = { form: "question", question: "Who?", context: "Ada wrote it." };
    expect(readResult("question-answering", q, hg({ answer: "Ada", score: 0.8, start: 0, end: 3 }))).toEqual({
      kind: "answer",
      answer: "Ada",
      score: 0.8,
      context: "Ada wrote it.",
      start: 0,
      end: 3,
    });
    const fills = readResult(
      "fill-mask",
      { form: "fill-mask", text: "Paris is the <mask>." },
      hg([{ sequence: "Paris is the capital.", token_str: "capital", score: 0.6 }]),
    );
    expect(fills).toEqual({
      kind: "fills",
      fills: [{ sequence: "Paris is the capital.", token: "capital", score: 0.6 }],
    });
  });

  it("reads OCR lines and detection boxes as regions over the image, and no text as no regions", () => {
    const img: PreviewInput = { form: "image", image: "x" };
    expect(
      readResult(
        "image-to-text",
        img,
        hg({
          text: "Hello",
          score: 0.99,
          box: [
            [1, 2],
            [30, 2],
            [30, 12],
            [1, 12],
          ],
        }),
      ),
    ).toEqual({
      kind: "regions",
      regions: [
        {
          label: "Hello",
          score: 0.99,
          points: [
            [1, 2],
            [30, 2],
            [30, 12],
            [1, 12],
          ],
        },
      ],
    });
    expect(
      readResult(
        "object-detection",
        img,
        hg({ label: "cat", score: 0.5, box: { xmin: 1, ymin: 2, xmax: 3, ymax: 4 } }),
      ),
    ).toEqual({
      kind: "regions",
      regions: [
        {
          label: "cat",
          score: 0.5,
          points: [
            [1, 2],
            [3, 2],
            [3, 4],
            [1, 4],
          ],
        },
      ],
    });
    expect(readResult("image-to-text", img, hg())).toEqual({ kind: "regions", regions: [] });
  });

  it("falls back to the raw answer for shapes it does not know", () => {
    expect(readResult("text-classification", text("x"), { outputs: [] })).toEqual({ kind: "raw" });
    expect(readResult("text-classification", text("x"), hg({ something: 1 }))).toEqual({ kind: "raw" });
    expect(readResult("text-classification", text("x"), { outputs: [{ data: ["not json"] }] })).toEqual({
      kind: "raw",
    });
  });
});

describe("curl snippet", () => {
  const request = buildInferRequest({ form: "text", text: "it's fine" }, "r");

  it("names a token variable, never a session, and quotes the body for the shell", () => {
    const snippet = curlSnippet("https://facet.example", "/api/v1/x/v2/models/m/infer", request);
    expect(snippet).toContain("Authorization: Bearer $FACET_TOKEN");
    expect(snippet).toContain("'https://facet.example/api/v1/x/v2/models/m/infer'");
    expect(snippet).not.toMatch(/cookie/i);
    // The quote in "it's" is closed, escaped and reopened.
    expect(snippet).toContain(`it'\\''s fine`);
  });

  it("reads a large body (an image) from a file instead of inlining it", () => {
    const big = buildInferRequest({ form: "image", image: "A".repeat(5_000) }, "r");
    const snippet = curlSnippet("http://localhost:3000", "/p", big);
    expect(snippet).toContain("-d @request.json");
    expect(snippet).not.toContain("AAAA");
  });
});
