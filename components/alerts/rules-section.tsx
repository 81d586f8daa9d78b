"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/console/confirm-delete-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EnvironmentNames } from "@/lib/console/paths";
import { alertKeys, deleteRule, fetchRules, ruleInputOf, updateRule, type AlertRuleDto } from "./api";
import { RuleFormDialog } from "./rule-form-dialog";
import { AlertStateBadge } from "./severity-badge";

function DeleteRule({ names, name, onDeleted }: { names: EnvironmentNames; name: string; onDeleted: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteRule(names, name),
    onSuccess: async () => {
      setOpen(false);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
  });
  return (
    <ConfirmDeleteDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        remove.reset();
      }}
      name={name}
      kind={t("alerts.rule.kindName")}
      consequences={t("alerts.rule.deleteConsequence")}
      pending={remove.isPending}
      error={remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
      onConfirm={() => remove.mutate()}
      inputId={`confirm-rule-${name}`}
    />
  );
}

/** The switch that enables or disables a rule: the whole rule goes back with `enabled` flipped. */
function EnabledSwitch({
  names,
  rule,
  canWrite,
  onError,
}: {
  names: EnvironmentNames;
  rule: AlertRuleDto;
  canWrite: boolean;
  onError: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => updateRule(names, rule.name, { ...ruleInputOf(rule), enabled }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(names) });
    },
    onError: (e) => onError(e.message),
  });
  const on = toggle.isPending ? Boolean(toggle.variables) : rule.enabled;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={t("alerts.rule.enabledOf", { name: rule.name })}
      disabled={!canWrite || toggle.isPending}
      onClick={() => toggle.mutate(!rule.enabled)}
      className="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent bg-muted transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50 aria-checked:bg-primary"
    >
      <span
        aria-hidden
        className={`inline-block h-5 w-5 rounded-full bg-background shadow transition-transform ${on ? "translate-x-5" : "translate-x-0"}`}
      />
    </button>
  );
}

/** What a rule watches, in one line. */
function useSummary() {
  const { t } = useI18n();
  return (r: AlertRuleDto) => {
    if (r.kind === "metric" && r.metric?.template)
      return `${r.metric.template.scope} / ${r.metric.template.resource} / ${r.metric.template.rule}`;
    if (r.kind === "probe" && r.probe)
      return r.probe.condition === "failing"
        ? t("alerts.rule.summaryFailing", { probe: r.probe.probe, minutes: r.probe.minutes ?? 0 })
        : t("alerts.rule.summaryCert", { probe: r.probe.probe, days: r.probe.days ?? 0 });
    return r.expr;
  };
}

export function RulesSection({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  const { t } = useI18n();
  const summary = useSummary();
  const rules = useQuery({
    queryKey: alertKeys.rules(names),
    queryFn: () => fetchRules(names),
    refetchInterval: 30_000,
  });
  const [feedback, setFeedback] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <Card aria-labelledby="alert-rules-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="alert-rules-title" className="mb-0">
          {t("alerts.rules")}
        </CardTitle>
        {canWrite && <RuleFormDialog names={names} />}
      </div>
      {feedback && <Alert className="mb-3">{feedback}</Alert>}
      {error && (
        <Alert variant="destructive" className="mb-3">
          {error}
        </Alert>
      )}
      {rules.error && <Alert variant="destructive">{rules.error.message}</Alert>}
      {!rules.data && !rules.error && <p aria-busy="true">{t("common.loading")}</p>}
      {rules.data && rules.data.items.length === 0 && (
        <EmptyState title={t("alerts.rulesEmpty")} hint={canWrite ? t("alerts.rulesEmptyHint") : undefined} />
      )}
      {rules.data && rules.data.items.length > 0 && (
        <Table aria-label={t("alerts.rules")}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("alerts.rule.kind")}</Th>
              <Th>{t("alerts.col.state")}</Th>
              <Th>{t("alerts.rule.watches")}</Th>
              <Th>{t("alerts.rule.levels")}</Th>
              <Th>{t("alerts.rule.enabled")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {rules.data.items.map((r) => (
              <tr key={r.name}>
                <Td className="font-medium">{r.name}</Td>
                <Td>{t(`alerts.kind.${r.kind}`)}</Td>
                <Td>
                  <AlertStateBadge state={r.state} />
                </Td>
                <Td className="max-w-80 break-all font-mono text-xs">{summary(r)}</Td>
                <Td className="text-xs">
                  {r.levels.map((l) => `${l.op} ${l.value} → ${t(`alerts.severity.${l.severity}`)}`).join("; ")}
                </Td>
                <Td>
                  <EnabledSwitch
                    names={names}
                    rule={r}
                    canWrite={canWrite}
                    onError={(m) => {
                      setFeedback(null);
                      setError(m);
                    }}
                  />
                </Td>
                <Td>
                  {canWrite && (
                    <div className="flex justify-end gap-2">
                      <RuleFormDialog names={names} rule={ruleInputOf(r)} />
                      <DeleteRule
                        names={names}
                        name={r.name}
                        onDeleted={() => setFeedback(t("alerts.rule.deleted", { name: r.name }))}
                      />
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
