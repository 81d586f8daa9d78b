"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { errorUnder, problemFieldErrors, unplacedErrors } from "@/components/console/problem-field-errors";
import { channelKeys, fetchChannels, type ChannelDto } from "@/components/channels/api";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fetchProbes, probeKeys } from "@/components/probes/api";
import { Alert } from "@/components/ui/alert";
import { FormProblems } from "@/components/console/form-problems";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { EnvironmentNames } from "@/lib/console/paths";
import {
  OPS,
  RULE_KINDS,
  SEVERITIES,
  alertKeys,
  createRule,
  fetchTemplates,
  updateRule,
  type AlertRuleInput,
  type Op,
  type RuleKind,
  type Severity,
} from "./api";
import { REPEAT_INTERVALS, draftOf, emptyDraft, receiverKey, ruleInputOf, type RuleDraft } from "./rule-form";

const SHOWN = [
  "name",
  "kind",
  "enabled",
  "for",
  "message",
  "levels",
  "receivers",
  "metric",
  "log.matchers",
  "log.regex",
  "log.windowSeconds",
  "log",
  "probe.probe",
  "probe.condition",
  "probe.minutes",
  "probe.days",
  "probe",
  "expr",
];

function useDuration() {
  const { t } = useI18n();
  return (seconds: number) =>
    seconds % 3600 === 0
      ? t("alerts.hours", { n: seconds / 3600 })
      : t("alerts.minutes", { n: Math.round(seconds / 60) });
}

/** Channels a rule may send to: the tenant's, and the system-wide ones when the actor can list them. */
function useReceiverOptions(tenant: string, enabled: boolean) {
  const tenantChannels = useQuery({
    queryKey: channelKeys.all({ level: "tenant", tenant }),
    queryFn: () => fetchChannels({ level: "tenant", tenant }),
    enabled,
  });
  // Only sysadmins may list these; for everyone else the 403/404 just leaves them out.
  const systemChannels = useQuery({
    queryKey: channelKeys.all({ level: "system" }),
    queryFn: () => fetchChannels({ level: "system" }),
    enabled,
    retry: false,
  });
  const all: ChannelDto[] = [...(tenantChannels.data?.items ?? []), ...(systemChannels.data?.items ?? [])];
  return all.map((c) => ({ key: receiverKey({ scope: c.scope, channel: c.name }), channel: c }));
}

export function RuleFormDialog({ names, rule }: { names: EnvironmentNames; rule?: AlertRuleInput }) {
  const { t } = useI18n();
  const toast = useToast();
  const duration = useDuration();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState<RuleDraft>(() => (rule ? draftOf(rule) : emptyDraft()));
  const templates = useQuery({
    queryKey: alertKeys.templates(),
    queryFn: fetchTemplates,
    enabled: open,
    staleTime: 300_000,
  });
  const probes = useQuery({ queryKey: probeKeys.list(names), queryFn: () => fetchProbes(names), enabled: open });
  const receivers = useReceiverOptions(names.tenant, open);
  const save = useMutation({
    mutationFn: (input: AlertRuleInput) => (rule ? updateRule(names, rule.name, input) : createRule(names, input)),
    onSuccess: async (saved) => {
      setOpen(false);
      toast({ title: t(rule ? "alerts.rule.saved" : "alerts.rule.created", { name: saved?.name ?? d.name.trim() }) });
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const err = (path: string) => errorUnder(errors, path);
  const others = unplacedErrors(errors, SHOWN);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setD((p) => ({ ...p, [key]: value }));
  const title = rule ? t("alerts.rule.editTitle", { name: rule.name }) : t("alerts.rule.createTitle");

  const scopes = templates.data?.scopes ?? [];
  const scope = scopes.find((s) => s.name === d.templateScope);
  const resource = scope?.resources.find((r) => r.name === d.templateResource);
  const template = resource?.rules.find((r) => r.name === d.templateRule);
  // Position errors of the expression (PromQL or LogQL) are shown right under it.
  const exprError = err("metric.promql") ?? err("metric") ?? err("expr");
  const invalid = (path: string | undefined, id: string) => ({
    "aria-invalid": Boolean(path),
    "aria-describedby": path ? `${id}-error` : undefined,
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setD(rule ? draftOf(rule) : emptyDraft());
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        {rule ? (
          <Button size="sm" variant="outline" aria-label={title}>
            {t("common.edit")}
          </Button>
        ) : (
          <Button size="sm">{t("alerts.rule.new")}</Button>
        )}
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(48rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(ruleInputOf(d));
          }}
        >
          <FormProblems error={save.error} fieldErrors={errors} unplaced={others} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="rule-name" label={t("common.name")} error={err("name")}>
              <Input
                id="rule-name"
                {...invalid(err("name"), "rule-name")}
                value={d.name}
                disabled={Boolean(rule)}
                onChange={(e) => set("name", e.target.value)}
              />
            </Field>
            <Field id="rule-kind" label={t("alerts.rule.kind")} error={err("kind")}>
              <NativeSelect
                id="rule-kind"
                value={d.kind}
                disabled={Boolean(rule)}
                onChange={(e) => set("kind", e.target.value as RuleKind)}
              >
                {RULE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`alerts.kind.${k}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>

          {d.kind === "metric" && (
            <fieldset className="space-y-4 rounded-md border p-4">
              <legend className="px-1 text-sm font-medium">{t("alerts.rule.query")}</legend>
              <div role="radiogroup" aria-label={t("alerts.rule.source")} className="flex gap-6 text-sm">
                {(["template", "promql"] as const).map((m) => (
                  <label key={m} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="metric-mode"
                      value={m}
                      checked={d.metricMode === m}
                      onChange={() => set("metricMode", m)}
                    />
                    {t(`alerts.rule.mode.${m}`)}
                  </label>
                ))}
              </div>
              {d.metricMode === "template" ? (
                <>
                  {templates.error && <Alert variant="destructive">{templates.error.message}</Alert>}
                  <div className="grid gap-4 sm:grid-cols-3">
                    <Field id="rule-template-scope" label={t("alerts.rule.templateScope")}>
                      <NativeSelect
                        id="rule-template-scope"
                        value={d.templateScope}
                        onChange={(e) =>
                          setD((p) => ({
                            ...p,
                            templateScope: e.target.value,
                            templateResource: "",
                            templateRule: "",
                            templateLabels: {},
                          }))
                        }
                      >
                        <option value="">{t("alerts.rule.choose")}</option>
                        {scopes.map((s) => (
                          <option key={s.name} value={s.name}>
                            {s.label}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                    <Field id="rule-template-resource" label={t("alerts.rule.templateResource")}>
                      <NativeSelect
                        id="rule-template-resource"
                        value={d.templateResource}
                        disabled={!scope}
                        onChange={(e) =>
                          setD((p) => ({
                            ...p,
                            templateResource: e.target.value,
                            templateRule: "",
                            templateLabels: {},
                          }))
                        }
                      >
                        <option value="">{t("alerts.rule.choose")}</option>
                        {(scope?.resources ?? []).map((r) => (
                          <option key={r.name} value={r.name}>
                            {r.label}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                    <Field id="rule-template-rule" label={t("alerts.rule.templateRule")} error={exprError}>
                      <NativeSelect
                        id="rule-template-rule"
                        value={d.templateRule}
                        disabled={!resource}
                        {...invalid(exprError, "rule-template-rule")}
                        onChange={(e) => setD((p) => ({ ...p, templateRule: e.target.value, templateLabels: {} }))}
                      >
                        <option value="">{t("alerts.rule.choose")}</option>
                        {(resource?.rules ?? []).map((r) => (
                          <option key={r.name} value={r.name}>
                            {r.unit ? `${r.label} (${r.unit})` : r.label}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                  </div>
                  {template && (
                    <>
                      {template.labels.length > 0 && (
                        <div className="grid gap-4 sm:grid-cols-2">
                          {template.labels.map((l) => (
                            <Field
                              key={l}
                              id={`rule-label-${l}`}
                              label={t("alerts.rule.labelFilter", { label: l })}
                              hint={t("alerts.rule.labelFilterHint")}
                            >
                              <Input
                                id={`rule-label-${l}`}
                                value={d.templateLabels[l] ?? ""}
                                onChange={(e) => set("templateLabels", { ...d.templateLabels, [l]: e.target.value })}
                              />
                            </Field>
                          ))}
                        </div>
                      )}
                      <p className="break-all rounded bg-muted p-2 font-mono text-xs">{template.promql}</p>
                      {!template.embedded && (
                        <p className="text-xs text-muted-foreground">{t("alerts.rule.needsPrometheus")}</p>
                      )}
                    </>
                  )}
                </>
              ) : (
                <Field
                  id="rule-promql"
                  label={t("alerts.rule.promql")}
                  error={exprError}
                  hint={t("alerts.rule.promqlHint")}
                >
                  <Textarea
                    id="rule-promql"
                    {...invalid(exprError, "rule-promql")}
                    rows={4}
                    spellCheck={false}
                    className="font-mono"
                    value={d.promql}
                    onChange={(e) => set("promql", e.target.value)}
                  />
                </Field>
              )}
            </fieldset>
          )}

          {d.kind === "log" && (
            <fieldset className="space-y-4 rounded-md border p-4">
              <legend className="px-1 text-sm font-medium">{t("alerts.rule.query")}</legend>
              <Field
                id="rule-log-matchers"
                label={t("alerts.rule.logMatchers")}
                error={err("log.matchers")}
                hint={t("alerts.rule.logMatchersHint")}
              >
                <Textarea
                  id="rule-log-matchers"
                  {...invalid(err("log.matchers"), "rule-log-matchers")}
                  rows={2}
                  className="font-mono"
                  value={d.logMatchers}
                  onChange={(e) => set("logMatchers", e.target.value)}
                />
              </Field>
              <Field
                id="rule-log-regex"
                label={t("alerts.rule.logRegex")}
                error={err("log.regex") ?? err("log") ?? err("expr")}
              >
                <Input
                  id="rule-log-regex"
                  {...invalid(err("log.regex") ?? err("log") ?? err("expr"), "rule-log-regex")}
                  className="font-mono"
                  value={d.logRegex}
                  onChange={(e) => set("logRegex", e.target.value)}
                />
              </Field>
              <Field
                id="rule-log-window"
                label={t("alerts.rule.logWindow")}
                error={err("log.windowSeconds")}
                hint={t("alerts.rule.logWindowHint")}
              >
                <Input
                  id="rule-log-window"
                  {...invalid(err("log.windowSeconds"), "rule-log-window")}
                  type="number"
                  min={1}
                  max={600}
                  value={d.logWindow}
                  onChange={(e) => set("logWindow", e.target.value)}
                />
              </Field>
            </fieldset>
          )}

          {d.kind === "probe" && (
            <fieldset className="grid gap-4 rounded-md border p-4 sm:grid-cols-3">
              <legend className="px-1 text-sm font-medium">{t("alerts.rule.query")}</legend>
              <Field id="rule-probe" label={t("alerts.rule.probe")} error={err("probe.probe") ?? err("probe")}>
                <NativeSelect
                  id="rule-probe"
                  {...invalid(err("probe.probe") ?? err("probe"), "rule-probe")}
                  value={d.probe}
                  onChange={(e) => set("probe", e.target.value)}
                >
                  <option value="">{t("alerts.rule.choose")}</option>
                  {(probes.data?.items ?? []).map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                  {d.probe && !(probes.data?.items ?? []).some((p) => p.name === d.probe) && (
                    <option value={d.probe}>{d.probe}</option>
                  )}
                </NativeSelect>
              </Field>
              <Field id="rule-probe-condition" label={t("alerts.rule.condition")} error={err("probe.condition")}>
                <NativeSelect
                  id="rule-probe-condition"
                  value={d.probeCondition}
                  onChange={(e) => set("probeCondition", e.target.value as RuleDraft["probeCondition"])}
                >
                  <option value="failing">{t("alerts.rule.condition.failing")}</option>
                  <option value="cert-expiry">{t("alerts.rule.condition.certExpiry")}</option>
                </NativeSelect>
              </Field>
              {d.probeCondition === "failing" ? (
                <Field id="rule-probe-minutes" label={t("alerts.rule.minutes")} error={err("probe.minutes")}>
                  <Input
                    id="rule-probe-minutes"
                    {...invalid(err("probe.minutes"), "rule-probe-minutes")}
                    type="number"
                    min={1}
                    value={d.probeMinutes}
                    onChange={(e) => set("probeMinutes", e.target.value)}
                  />
                </Field>
              ) : (
                <Field id="rule-probe-days" label={t("alerts.rule.days")} error={err("probe.days")}>
                  <Input
                    id="rule-probe-days"
                    {...invalid(err("probe.days"), "rule-probe-days")}
                    type="number"
                    min={1}
                    value={d.probeDays}
                    onChange={(e) => set("probeDays", e.target.value)}
                  />
                </Field>
              )}
            </fieldset>
          )}

          <fieldset className="space-y-2 rounded-md border p-4">
            <legend className="px-1 text-sm font-medium">{t("alerts.rule.levels")}</legend>
            {err("levels") && <p className="text-xs text-destructive">{err("levels")}</p>}
            <ul className="space-y-2">
              {d.levels.map((l, i) => (
                <li key={i} className="flex flex-wrap items-end gap-2">
                  <div className="w-36">
                    <Field id={`rule-level-${i}-op`} label={t("alerts.rule.levelOp", { n: i + 1 })}>
                      <NativeSelect
                        id={`rule-level-${i}-op`}
                        value={l.op}
                        onChange={(e) =>
                          set(
                            "levels",
                            d.levels.map((x, j) => (j === i ? { ...x, op: e.target.value as Op } : x)),
                          )
                        }
                      >
                        {OPS.map((op) => (
                          <option key={op} value={op}>
                            {op}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                  </div>
                  <div className="w-36">
                    <Field
                      id={`rule-level-${i}-value`}
                      label={t("alerts.rule.levelValue", { n: i + 1 })}
                      error={err(`levels.${i}.value`)}
                    >
                      <Input
                        id={`rule-level-${i}-value`}
                        type="number"
                        step="any"
                        aria-invalid={Boolean(err(`levels.${i}.value`))}
                        value={l.value}
                        onChange={(e) =>
                          set(
                            "levels",
                            d.levels.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                          )
                        }
                      />
                    </Field>
                  </div>
                  <div className="w-40">
                    <Field id={`rule-level-${i}-severity`} label={t("alerts.rule.levelSeverity", { n: i + 1 })}>
                      <NativeSelect
                        id={`rule-level-${i}-severity`}
                        value={l.severity}
                        onChange={(e) =>
                          set(
                            "levels",
                            d.levels.map((x, j) => (j === i ? { ...x, severity: e.target.value as Severity } : x)),
                          )
                        }
                      >
                        {SEVERITIES.map((s) => (
                          <option key={s} value={s}>
                            {t(`alerts.severity.${s}`)}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    disabled={d.levels.length === 1}
                    aria-label={t("alerts.rule.removeLevel", { n: i + 1 })}
                    onClick={() =>
                      set(
                        "levels",
                        d.levels.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <X aria-hidden className="h-4 w-4" />
                  </Button>
                </li>
              ))}
            </ul>
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={d.levels.length >= 4}
              onClick={() => set("levels", [...d.levels, { op: ">", value: "", severity: "critical" }])}
            >
              <Plus aria-hidden className="h-4 w-4" />
              {t("alerts.rule.addLevel")}
            </Button>
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="rule-for" label={t("alerts.rule.for")} error={err("for")} hint={t("alerts.rule.forHint")}>
              <Input
                id="rule-for"
                {...invalid(err("for"), "rule-for")}
                type="number"
                min={0}
                value={d.forSeconds}
                onChange={(e) => set("forSeconds", e.target.value)}
              />
            </Field>
            <label className="flex items-center gap-2 self-center text-sm">
              <input type="checkbox" checked={d.enabled} onChange={(e) => set("enabled", e.target.checked)} />
              {t("alerts.rule.enabled")}
            </label>
          </div>
          <Field
            id="rule-message"
            label={t("alerts.rule.message")}
            error={err("message")}
            hint={t("alerts.rule.messageHint")}
          >
            <Textarea
              id="rule-message"
              {...invalid(err("message"), "rule-message")}
              rows={2}
              value={d.message}
              onChange={(e) => set("message", e.target.value)}
            />
          </Field>

          <fieldset className="space-y-2 rounded-md border p-4">
            <legend className="px-1 text-sm font-medium">{t("alerts.rule.receivers")}</legend>
            {err("receivers") && <p className="text-xs text-destructive">{err("receivers")}</p>}
            {receivers.length === 0 && <p className="text-xs text-muted-foreground">{t("alerts.rule.noChannels")}</p>}
            <ul className="space-y-2">
              {d.receivers.map((r, i) => (
                <li key={i} className="flex flex-wrap items-end gap-2">
                  <div className="min-w-48 flex-1">
                    <Field id={`rule-receiver-${i}`} label={t("alerts.rule.channel", { n: i + 1 })}>
                      <NativeSelect
                        id={`rule-receiver-${i}`}
                        value={r.key}
                        onChange={(e) =>
                          set(
                            "receivers",
                            d.receivers.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)),
                          )
                        }
                      >
                        <option value="">{t("alerts.rule.choose")}</option>
                        {receivers.map((o) => (
                          <option key={o.key} value={o.key}>
                            {o.channel.scope === "system"
                              ? t("alerts.rule.systemChannel", { name: o.channel.name })
                              : o.channel.name}{" "}
                            ({t(`channels.kind.${o.channel.kind}`)})
                          </option>
                        ))}
                        {r.key && !receivers.some((o) => o.key === r.key) && <option value={r.key}>{r.key}</option>}
                      </NativeSelect>
                    </Field>
                  </div>
                  <div className="w-40">
                    <Field id={`rule-receiver-${i}-repeat`} label={t("alerts.rule.repeat", { n: i + 1 })}>
                      <NativeSelect
                        id={`rule-receiver-${i}-repeat`}
                        value={r.repeatIntervalSeconds}
                        onChange={(e) =>
                          set(
                            "receivers",
                            d.receivers.map((x, j) =>
                              j === i ? { ...x, repeatIntervalSeconds: Number(e.target.value) } : x,
                            ),
                          )
                        }
                      >
                        {REPEAT_INTERVALS.map((s) => (
                          <option key={s} value={s}>
                            {duration(s)}
                          </option>
                        ))}
                      </NativeSelect>
                    </Field>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={t("alerts.rule.removeReceiver", { n: i + 1 })}
                    onClick={() =>
                      set(
                        "receivers",
                        d.receivers.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <X aria-hidden className="h-4 w-4" />
                  </Button>
                </li>
              ))}
            </ul>
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={() => set("receivers", [...d.receivers, { key: "", repeatIntervalSeconds: 3600 }])}
            >
              <Plus aria-hidden className="h-4 w-4" />
              {t("alerts.rule.addReceiver")}
            </Button>
          </fieldset>

          <DialogFooter>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("common.working") : rule ? t("common.save") : t("common.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
