"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { segmentText, type EntitySpan, type PreviewResult, type Region, type Score } from "./v2";

const pct = (score: number) => `${(score * 100).toFixed(1)}%`;

/** Labels with their scores as horizontal bars, best first; the numbers are text too. */
export function ScoreBars({ scores, label }: { scores: Score[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {scores.map((s, i) => (
        <li key={`${s.label}-${i}`} data-label={s.label}>
          <div className="flex justify-between text-sm">
            <span className="font-medium">{s.label}</span>
            <span className="tabular-nums text-muted-foreground">{pct(s.score)}</span>
          </div>
          <div className="h-2 w-full overflow-hidden rounded bg-muted" aria-hidden="true">
            <div
              className={i === 0 ? "h-full bg-primary" : "h-full bg-primary/50"}
              style={{ width: `${Math.max(0, Math.min(1, s.score)) * 100}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Hue per label, stable across renders, so the same kind of entity keeps its colour. */
function hueOf(label: string): number {
  let h = 0;
  for (const c of label) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

/** The text with each entity marked and labelled in place. */
export function EntityText({ text, spans }: { text: string; spans: EntitySpan[] }) {
  const { t } = useI18n();
  if (spans.length === 0) return <p className="text-sm text-muted-foreground">{t("models.preview.noEntities")}</p>;
  return (
    <p className="whitespace-pre-wrap text-sm leading-8">
      {segmentText(text, spans).map((piece, i) =>
        piece.span ? (
          <mark
            key={i}
            className="rounded px-1 py-0.5 text-foreground"
            style={{ backgroundColor: `hsl(${hueOf(piece.span.label)} 80% 85% / 0.8)` }}
            data-entity={piece.span.label}
          >
            {piece.text}
            <span className="ml-1 rounded bg-background/70 px-1 align-middle text-[10px] font-semibold uppercase">
              {piece.span.label}
            </span>
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

/** The image with each region's outline and label drawn over it, in the image's own pixels. */
export function ImageRegions({
  src,
  width,
  height,
  regions,
}: {
  src: string;
  width: number;
  height: number;
  regions: Region[];
}) {
  const { t } = useI18n();
  const stroke = Math.max(2, Math.round(Math.max(width, height) / 300));
  const font = Math.max(12, Math.round(Math.max(width, height) / 40));
  return (
    <div className="space-y-3">
      <figure className="relative inline-block max-w-full">
        {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset */}
        <img src={src} alt={t("models.preview.imageAlt")} className="block h-auto max-w-full" />
        <svg
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="pointer-events-none absolute inset-0 h-full w-full"
          aria-hidden="true"
        >
          {regions.map((r, i) => {
            const [x, y] = r.points[0];
            return (
              <g key={i}>
                <polygon
                  points={r.points.map((p) => p.join(",")).join(" ")}
                  fill="rgb(14 165 233 / 0.12)"
                  stroke="rgb(14 165 233)"
                  strokeWidth={stroke}
                />
                {r.label && (
                  <text
                    x={x}
                    y={Math.max(font, y - stroke * 2)}
                    fontSize={font}
                    fill="rgb(3 105 161)"
                    stroke="white"
                    strokeWidth={font / 8}
                    paintOrder="stroke"
                  >
                    {r.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </figure>
      {regions.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("models.preview.noRegions")}</p>
      ) : (
        <ol aria-label={t("models.preview.regions")} className="list-decimal space-y-1 pl-5 text-sm">
          {regions.map((r, i) => (
            <li key={i} data-region={r.label}>
              <span className="font-medium">{r.label || "—"}</span>
              {r.score !== null && <span className="ml-2 tabular-nums text-muted-foreground">{pct(r.score)}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** A result drawn for people, by its kind. */
export function PreviewResultView({
  result,
  image,
}: {
  result: PreviewResult;
  image: { src: string; width: number; height: number } | null;
}) {
  const { t } = useI18n();
  switch (result.kind) {
    case "scores":
      return <ScoreBars scores={result.scores} label={t("models.preview.scores")} />;
    case "entities":
      return <EntityText text={result.text} spans={result.spans} />;
    case "answer": {
      const { context, start, end } = result;
      const located = start !== null && end !== null && end <= context.length && start < end;
      return (
        <div className="space-y-2 text-sm">
          <p>
            <span className="font-medium">{t("models.preview.answer")}: </span>
            <span data-answer>{result.answer}</span>
            {result.score !== null && <span className="ml-2 text-muted-foreground">{pct(result.score)}</span>}
          </p>
          {located && (
            <p className="whitespace-pre-wrap text-muted-foreground">
              {context.slice(0, start)}
              <mark className="rounded bg-amber-200 px-0.5 text-foreground">{context.slice(start, end)}</mark>
              {context.slice(end)}
            </p>
          )}
        </div>
      );
    }
    case "fills":
      return (
        <ScoreBars
          label={t("models.preview.fills")}
          scores={result.fills.map((f) => ({ label: f.sequence || f.token, score: f.score }))}
        />
      );
    case "regions":
      return image ? (
        <ImageRegions src={image.src} width={image.width} height={image.height} regions={result.regions} />
      ) : null;
    case "raw":
      return <p className="text-sm text-muted-foreground">{t("models.preview.rawOnly")}</p>;
  }
}
