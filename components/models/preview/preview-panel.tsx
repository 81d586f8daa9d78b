"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { deploymentsApi, type DeploymentDto } from "@/components/models/deployments/api";
import { PreviewResultView } from "./results";
import {
  MASK,
  bareBase64,
  buildInferRequest,
  curlSnippet,
  formOf,
  imageProblem,
  inputProblem,
  readResult,
  type PreviewInput,
  type PreviewResult,
  type V2InferRequest,
} from "./v2";

interface PickedImage {
  src: string;
  width: number;
  height: number;
  base64: string;
  name: string;
}

interface Outcome {
  request: V2InferRequest;
  status: number;
  body: unknown;
  latencyMs: number;
  result: PreviewResult | null;
  /** The image the request carried, to draw the result over. */
  image: PickedImage | null;
}

const SAMPLES: Record<string, string> = {
  "text-classification": "I love this",
  "token-classification": "Send $25 to ada@example.com before 5 pm on Friday #invoice",
};

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

function imageSize(src: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error("not an image"));
    img.src = src;
  });
}

/** The request as shown: an image's base64 shortened, since it can be megabytes. */
function shownRequest(request: V2InferRequest): string {
  return JSON.stringify(
    {
      ...request,
      inputs: request.inputs.map((i) =>
        i.parameters.content_type === "pillow_image"
          ? { ...i, data: i.data.map((s) => (s.length > 120 ? `${s.slice(0, 120)}… (${s.length} chars)` : s)) }
          : i,
      ),
    },
    null,
    2,
  );
}

/** The full request as a file, for the curl snippet's `-d @request.json` (images are not inlined). */
function RequestDownload({ request }: { request: V2InferRequest }) {
  const { t } = useI18n();
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([JSON.stringify(request)], { type: "application/json" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = "request.json";
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }}
    >
      {t("models.preview.downloadRequest")}
    </Button>
  );
}

/** Tries a deployed model: a form chosen by its task, sent as a V2 infer through Facet. */
export function PreviewPanel({ deployment }: { deployment: DeploymentDto }) {
  const { t } = useI18n();
  const uid = useId();
  const form = formOf(deployment.task);
  const [text, setText] = useState(
    SAMPLES[deployment.task] ?? (form === "fill-mask" ? `Paris is the ${MASK} of France.` : ""),
  );
  const [question, setQuestion] = useState("");
  const [context, setContext] = useState("");
  const [image, setImage] = useState<PickedImage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const path = deploymentsApi.infer(deployment);

  // Object URLs hold the file in memory until revoked; a shown result may still draw an earlier
  // image, so they are all released when the panel closes.
  const urls = useRef<string[]>([]);
  useEffect(() => {
    const held = urls.current;
    return () => held.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const input: PreviewInput = useMemo(() => {
    switch (form) {
      case "question":
        return { form, question, context };
      case "image":
        return { form, image: image?.base64 ?? "" };
      default:
        return { form, text };
    }
  }, [form, text, question, context, image]);

  async function pick(file: File | undefined) {
    setProblem(null);
    setImage(null);
    if (!file) return;
    const early = imageProblem(file);
    if (early) return setProblem(t(early, { name: file.name }));
    const src = URL.createObjectURL(file);
    urls.current.push(src);
    try {
      const size = await imageSize(src);
      const late = imageProblem(file, size.width * size.height);
      if (late) {
        URL.revokeObjectURL(src);
        return setProblem(t(late, { name: file.name }));
      }
      setImage({ src, ...size, base64: bareBase64(await readAsDataUrl(file)), name: file.name });
    } catch {
      URL.revokeObjectURL(src);
      setProblem(t("models.preview.error.notImage", { name: file.name }));
    }
  }

  async function send() {
    const why = inputProblem(input);
    if (why) return setProblem(t(why));
    setProblem(null);
    setFailure(null);
    setPending(true);
    const request = buildInferRequest(input, `preview-${Date.now().toString(36)}`);
    const started = performance.now();
    try {
      const res = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(request),
      });
      const body: unknown = await res.json().catch(() => null);
      const latencyMs = performance.now() - started;
      setOutcome({
        request,
        status: res.status,
        body,
        latencyMs,
        result: res.ok ? readResult(deployment.task, input, body) : null,
        image: form === "image" ? image : null,
      });
    } catch (error) {
      setOutcome(null);
      setFailure((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  const errorOf = (body: unknown) =>
    typeof (body as { error?: unknown })?.error === "string"
      ? (body as { error: string }).error
      : ((body as { detail?: string })?.detail ?? t("models.preview.error.unknown"));
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <Card aria-labelledby={`${uid}-title`}>
      <CardTitle id={`${uid}-title`}>{t("models.preview.heading", { name: deployment.name })}</CardTitle>
      <p className="mb-4 text-sm text-muted-foreground">
        {t("models.preview.description", { task: deployment.task, model: deployment.servedModelName })}
      </p>
      <form
        noValidate
        aria-label={t("models.preview.heading", { name: deployment.name })}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {(form === "text" || form === "fill-mask") && (
          <Field
            id={`${uid}-text`}
            label={t(form === "fill-mask" ? "models.preview.maskText" : "models.preview.text")}
            hint={form === "fill-mask" ? t("models.preview.maskHint", { mask: MASK }) : undefined}
          >
            <Textarea id={`${uid}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
        )}
        {form === "question" && (
          <>
            <Field id={`${uid}-question`} label={t("models.preview.question")}>
              <Input id={`${uid}-question`} value={question} onChange={(e) => setQuestion(e.target.value)} />
            </Field>
            <Field id={`${uid}-context`} label={t("models.preview.context")}>
              <Textarea id={`${uid}-context`} rows={5} value={context} onChange={(e) => setContext(e.target.value)} />
            </Field>
          </>
        )}
        {form === "image" && (
          <Field id={`${uid}-image`} label={t("models.preview.image")} hint={t("models.preview.imageHint")}>
            <Input
              id={`${uid}-image`}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </Field>
        )}
        {problem && (
          <Alert variant="destructive" role="alert">
            {problem}
          </Alert>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? t("models.preview.sending") : t("models.preview.send")}
        </Button>
      </form>

      {failure && (
        <Alert variant="destructive" className="mt-4" role="alert">
          {failure}
        </Alert>
      )}
      {outcome && (
        <section aria-label={t("models.preview.result")} aria-live="polite" className="mt-6 space-y-4">
          <p className="text-xs text-muted-foreground">
            <span data-testid="preview-status">HTTP {outcome.status}</span> ·{" "}
            <span data-testid="preview-latency">
              {t("models.preview.latency", { ms: Math.round(outcome.latencyMs) })}
            </span>
          </p>
          {outcome.result ? (
            <PreviewResultView result={outcome.result} image={outcome.image} />
          ) : (
            <Alert variant="destructive">{errorOf(outcome.body)}</Alert>
          )}
          <details>
            <summary className="cursor-pointer text-sm">{t("models.preview.raw")}</summary>
            <div className="mt-2 grid gap-3 lg:grid-cols-2">
              <CodeBlock label={t("models.preview.rawRequest")} code={shownRequest(outcome.request)} />
              <CodeBlock label={t("models.preview.rawResponse")} code={JSON.stringify(outcome.body, null, 2)} />
            </div>
          </details>
          <CodeBlock label={t("models.preview.curl")} code={curlSnippet(origin, path, outcome.request)} />
          <RequestDownload request={outcome.request} />
        </section>
      )}
    </Card>
  );
}
