"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";
import { catalogApi, catalogKeys, type RatingItem, type RatingsList } from "./api";
import { StarInput, Stars } from "./stars";

const MAX_COMMENT = 2000;

export function RatingsPanel({ source, model, me }: { source: string; model: string; me: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const key = catalogKeys.ratings(source, model);
  const ratings = useQuery({ queryKey: key, queryFn: () => getJson<RatingsList>(catalogApi.ratings(source, model)) });
  const mine = ratings.data?.items.find((r) => r.user === me);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [editing, setEditing] = useState(false);
  const rate = useMutation({
    mutationFn: (body: { rating?: number; comment: string; parentId?: number }) =>
      sendJson<RatingItem>("POST", catalogApi.ratings(source, model), body),
    // The average lives on the model too: invalidate the model's whole prefix.
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.model(source, model) }),
  });
  const showForm = !mine || editing;

  return (
    <Card>
      <CardTitle>{t("models.catalog.ratings")}</CardTitle>
      <p className="mt-1 flex items-center gap-2 text-sm text-muted-foreground">
        <Stars value={ratings.data?.average ?? null} />
        {ratings.data?.count
          ? ratings.data.count === 1
            ? t("models.catalog.averageOfOne", { average: ratings.data.average!.toFixed(1) })
            : t("models.catalog.averageOf", { average: ratings.data.average!.toFixed(1), count: ratings.data.count })
          : t("models.catalog.noRatings")}
      </p>
      {showForm && (
        <form
          className="mt-4 space-y-2"
          aria-label={t("models.catalog.rateThis")}
          onSubmit={(e) => {
            e.preventDefault();
            if (!rating) return;
            rate.mutate({ rating, comment }, { onSuccess: () => setEditing(false) });
          }}
        >
          <StarInput value={rating} onChange={setRating} />
          <Label htmlFor="rating-comment">{t("models.catalog.comment")}</Label>
          <Textarea
            id="rating-comment"
            value={comment}
            maxLength={MAX_COMMENT}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
          />
          {rate.isError && <Alert variant="destructive">{(rate.error as Error).message}</Alert>}
          <Button type="submit" disabled={!rating || rate.isPending}>
            {mine ? t("models.catalog.updateRating") : t("models.catalog.submitRating")}
          </Button>
        </form>
      )}
      {ratings.isError && <Alert variant="destructive">{(ratings.error as Error).message}</Alert>}
      <ul className="mt-4 space-y-4" aria-label={t("models.catalog.ratings")}>
        {ratings.data?.items.map((r) => (
          <RatingEntry
            key={r.id}
            item={r}
            mine={r.user === me}
            onEdit={() => {
              setRating(r.rating ?? 0);
              setComment(r.comment);
              setEditing(true);
            }}
            onReply={(text) => rate.mutateAsync({ parentId: r.id, comment: text })}
          />
        ))}
      </ul>
    </Card>
  );
}

function RatingEntry({
  item,
  mine,
  onEdit,
  onReply,
}: {
  item: RatingItem;
  mine: boolean;
  onEdit: () => void;
  onReply: (text: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const replyId = `reply-${item.id}`;
  return (
    <li className="border-b pb-3 last:border-0">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{item.user}</span>
        <Stars value={item.rating} />
        <time className="text-xs text-muted-foreground" dateTime={item.createdAt}>
          {new Date(item.createdAt).toLocaleDateString()}
        </time>
      </div>
      {item.comment && <p className="mt-1 whitespace-pre-wrap text-sm">{item.comment}</p>}
      <div className="mt-1 flex gap-2">
        {mine && (
          <Button size="sm" variant="ghost" onClick={onEdit}>
            {t("models.catalog.editRating")}
          </Button>
        )}
        <Button size="sm" variant="ghost" aria-expanded={replying} onClick={() => setReplying((v) => !v)}>
          {t("models.catalog.reply")}
        </Button>
      </div>
      {item.replies.length > 0 && (
        <ul className="mt-2 space-y-2 border-l-2 pl-4" aria-label={t("models.catalog.replies")}>
          {item.replies.map((r) => (
            <li key={r.id} className="text-sm">
              <span className="font-medium">{r.user}</span>{" "}
              <time className="text-xs text-muted-foreground" dateTime={r.createdAt}>
                {new Date(r.createdAt).toLocaleDateString()}
              </time>
              <p className="whitespace-pre-wrap">{r.comment}</p>
            </li>
          ))}
        </ul>
      )}
      {replying && (
        <form
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            onReply(text.trim())
              .then(() => {
                setText("");
                setReplying(false);
                setError(null);
              })
              .catch((err: Error) => setError(err.message));
          }}
        >
          <Label htmlFor={replyId}>{t("models.catalog.replyTo", { user: item.user })}</Label>
          <Textarea
            id={replyId}
            value={text}
            maxLength={MAX_COMMENT}
            onChange={(e) => setText(e.target.value)}
            rows={2}
          />
          {error && <Alert variant="destructive">{error}</Alert>}
          <Button type="submit" size="sm" disabled={!text.trim()}>
            {t("models.catalog.sendReply")}
          </Button>
        </form>
      )}
    </li>
  );
}
