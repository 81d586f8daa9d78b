"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorUnder, problemFieldErrors, unplacedErrors } from "@/components/console/problem-field-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { FormProblems } from "@/components/console/form-problems";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import type { EnvironmentNames } from "@/lib/console/paths";
import {
  alertKeys,
  createSilence,
  deleteSilence,
  fetchRules,
  fetchSilences,
  type SilenceInput,
  type When,
} from "./api";
import { formatMatchers, parseMatchers } from "./rule-form";

const when = (at: When, locale: string) => new Date(at).toLocaleString(locale);

/** `<input type="datetime-local">` wants local time without a zone. */
function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function SilenceDialog({ names, onSaved }: { names: EnvironmentNames; onSaved: (m: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState<"rule" | "matchers">("rule");
  const [rule, setRule] = useState("");
  const [matchers, setMatchers] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [comment, setComment] = useState("");
  const rules = useQuery({ queryKey: alertKeys.rules(names), queryFn: () => fetchRules(names), enabled: open });
  const save = useMutation({
    mutationFn: (input: SilenceInput) => createSilence(names, input),
    onSuccess: async () => {
      setOpen(false);
      onSaved(t("alerts.silence.created"));
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const others = unplacedErrors(errors, ["rule", "matchers", "endsAt", "comment"]);
  const title = t("alerts.silence.createTitle");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setBy("rule");
        setRule("");
        setMatchers("");
        setEndsAt(localInputValue(Date.now() + 2 * 3_600_000));
        setComment("");
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">{t("alerts.silence.new")}</Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")}>
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const end = new Date(endsAt);
            save.mutate({
              ...(by === "rule" ? { rule, matchers: {} } : { matchers: parseMatchers(matchers) }),
              endsAt: Number.isNaN(end.getTime()) ? endsAt : end.toISOString(),
              comment,
            });
          }}
        >
          <FormProblems error={save.error} fieldErrors={errors} unplaced={others} />
          <div role="radiogroup" aria-label={t("alerts.silence.by")} className="flex gap-6 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="silence-by" checked={by === "rule"} onChange={() => setBy("rule")} />
              {t("alerts.silence.byRule")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="silence-by" checked={by === "matchers"} onChange={() => setBy("matchers")} />
              {t("alerts.silence.byMatchers")}
            </label>
          </div>
          {by === "rule" ? (
            <Field id="silence-rule" label={t("alerts.col.rule")} error={errors.rule}>
              <NativeSelect
                id="silence-rule"
                value={rule}
                aria-invalid={Boolean(errors.rule)}
                onChange={(e) => setRule(e.target.value)}
              >
                <option value="">{t("alerts.rule.choose")}</option>
                {(rules.data?.items ?? []).map((r) => (
                  <option key={r.name} value={r.name}>
                    {r.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          ) : (
            <Field
              id="silence-matchers"
              label={t("alerts.silence.matchers")}
              error={errorUnder(errors, "matchers")}
              hint={t("alerts.rule.logMatchersHint")}
            >
              <Textarea
                id="silence-matchers"
                rows={3}
                className="font-mono"
                aria-invalid={Boolean(errorUnder(errors, "matchers"))}
                value={matchers}
                onChange={(e) => setMatchers(e.target.value)}
              />
            </Field>
          )}
          <Field id="silence-ends" label={t("alerts.silence.endsAt")} error={errors.endsAt}>
            <Input
              id="silence-ends"
              type="datetime-local"
              aria-invalid={Boolean(errors.endsAt)}
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          </Field>
          <Field id="silence-comment" label={t("alerts.silence.comment")} error={errors.comment}>
            <Textarea
              id="silence-comment"
              rows={2}
              aria-invalid={Boolean(errors.comment)}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Field>
          <DialogFooter>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("common.working") : t("common.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function SilencesSection({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const silences = useQuery({
    queryKey: alertKeys.silences(names),
    queryFn: () => fetchSilences(names),
    refetchInterval: 60_000,
  });
  const [feedback, setFeedback] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: number | string) => deleteSilence(names, id),
    onSuccess: async () => {
      setFeedback(t("alerts.silence.deleted"));
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
  });
  return (
    <Card aria-labelledby="silences-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="silences-title" className="mb-0">
          {t("alerts.silences")}
        </CardTitle>
        {canWrite && <SilenceDialog names={names} onSaved={setFeedback} />}
      </div>
      {feedback && <Alert className="mb-3">{feedback}</Alert>}
      {remove.error && (
        <Alert variant="destructive" className="mb-3">
          {remove.error.message}
        </Alert>
      )}
      {silences.error && <Alert variant="destructive">{silences.error.message}</Alert>}
      {!silences.data && !silences.error && <p aria-busy="true">{t("common.loading")}</p>}
      {silences.data && silences.data.items.length === 0 && <EmptyState title={t("alerts.silencesEmpty")} />}
      {silences.data && silences.data.items.length > 0 && (
        <Table aria-label={t("alerts.silences")}>
          <THead>
            <tr>
              <Th>{t("alerts.silence.what")}</Th>
              <Th>{t("alerts.silence.endsAt")}</Th>
              <Th>{t("alerts.silence.comment")}</Th>
              <Th>{t("alerts.silence.createdBy")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {silences.data.items.map((s) => {
              const what = s.rule
                ? t("alerts.silence.ruleIs", { rule: s.rule })
                : formatMatchers(s.matchers).replace(/\n/g, ", ");
              return (
                <tr key={String(s.id)}>
                  <Td className="font-mono text-xs">
                    {what}
                    {!s.active && (
                      <Badge className="ml-2" tone="neutral">
                        {t("alerts.silence.expired")}
                      </Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{when(s.endsAt, locale)}</Td>
                  <Td className="text-xs">{s.comment}</Td>
                  <Td className="text-xs">
                    {s.createdBy} · {when(s.createdAt, locale)}
                  </Td>
                  <Td>
                    {canWrite && (
                      <div className="flex justify-end">
                        <Button
                          size="sm"
                          variant="outline"
                          disabled={remove.isPending}
                          aria-label={t("alerts.silence.deleteOf", { what })}
                          onClick={() => remove.mutate(s.id)}
                        >
                          {t("common.delete")}
                        </Button>
                      </div>
                    )}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
