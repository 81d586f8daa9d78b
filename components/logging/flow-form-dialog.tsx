"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { EnvironmentNames } from "@/lib/console/paths";
import { ProblemError } from "@/lib/query/send-json";
import { fetchWorkloads, workloadKeys } from "@/lib/workloads/queries";
import { LABEL_KEYS, loggingKeys, saveFlowForm, type FlowForm, type LabelKey } from "./api";
import { buildFlowForm, type FlowFormState, type Candidate } from "./flow-form";
import { SaveErrorAlert } from "./save-error-alert";
import { translateErrors } from "./translate-errors";

const blank = (): FlowFormState => ({
  name: "",
  selected: {},
  extra: [],
  outputs: [],
  clusterOutputs: "",
  parser: false,
  parserKey: "message",
  grepInclude: "",
  grepExclude: "",
  counter: true,
  geoip: "",
  throttle: "",
  detectExceptions: false,
});

const GREP_FIELDS = [
  { key: "grepInclude", id: "flow-grep-include" },
  { key: "grepExclude", id: "flow-grep-exclude" },
] as const;

/** Collect chosen applications with filters: the form behind a Flow. */
export function FlowFormDialog({
  names,
  applications,
  outputs,
}: {
  names: EnvironmentNames;
  /** Facet's applications of this environment (their pods carry facet.dev/application). */
  applications: string[];
  /** The environment's Outputs, by name. */
  outputs: string[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<FlowFormState>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [extraName, setExtraName] = useState("");
  const [extraKey, setExtraKey] = useState<LabelKey>("app");
  const workloads = useQuery({
    queryKey: workloadKeys.all(names),
    queryFn: () => fetchWorkloads(names),
    enabled: open,
  });

  // Facet's applications, then what pods say they are (app.kubernetes.io/name), once each.
  const candidates = useMemo<Candidate[]>(() => {
    const seen = new Set<string>();
    const found: Candidate[] = [];
    for (const name of applications)
      if (!seen.has(name)) {
        seen.add(name);
        found.push({ name, labelKey: "facet.dev/application" });
      }
    for (const pod of workloads.data?.pods ?? [])
      if (pod.app && !seen.has(pod.app)) {
        seen.add(pod.app);
        found.push({ name: pod.app, labelKey: "app.kubernetes.io/name" });
      }
    return found;
  }, [applications, workloads.data]);

  const save = useMutation({
    mutationFn: (form: FlowForm) => saveFlowForm(names, form),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: loggingKeys.all({ level: "environment", names }) });
    },
  });
  const set = (patch: Partial<FlowFormState>) => setState((s) => ({ ...s, ...patch }));
  const title = t("logging.flowForm.title");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setState(blank());
        setErrors({});
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">{t("logging.flowForm.open")}</Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(44rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-5"
          onSubmit={(e) => {
            e.preventDefault();
            const built = buildFlowForm(state, candidates);
            if (!built.ok) {
              setErrors(translateErrors(built.errors, t));
              return;
            }
            setErrors({});
            save.mutate(built.form);
          }}
        >
          {save.error && (
            <SaveErrorAlert
              error={save.error}
              headline={
                save.error instanceof ProblemError && save.error.status === 409
                  ? t("logging.flowForm.conflict")
                  : t("logging.flowForm.failed")
              }
            />
          )}

          <Field id="flow-name" label={t("common.name")} error={errors.name} hint={t("logging.nameHint")}>
            <Input
              id="flow-name"
              value={state.name}
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={!!errors.name}
              autoComplete="off"
            />
          </Field>

          <fieldset className="space-y-2" aria-describedby={errors.applications ? "flow-apps-error" : undefined}>
            <legend className="text-sm font-medium">{t("logging.flowForm.applications")}</legend>
            <p className="text-xs text-muted-foreground">{t("logging.flowForm.applicationsHint")}</p>
            {workloads.isPending && open && <p className="text-xs">{t("common.loading")}</p>}
            {workloads.error && <p className="text-xs text-destructive">{workloads.error.message}</p>}
            {candidates.length === 0 && !workloads.isPending && (
              <p className="text-xs text-muted-foreground">{t("logging.flowForm.noApplications")}</p>
            )}
            <ul className="space-y-1">
              {candidates.map((c) => (
                <li key={c.name} className="flex flex-wrap items-center gap-2 text-sm">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={state.selected[c.name] !== undefined}
                      onChange={(e) => {
                        const selected = { ...state.selected };
                        if (e.target.checked) selected[c.name] = c.labelKey;
                        else delete selected[c.name];
                        set({ selected });
                      }}
                    />
                    {c.name}
                  </label>
                  {state.selected[c.name] !== undefined && (
                    <NativeSelect
                      aria-label={t("logging.flowForm.labelKeyOf", { name: c.name })}
                      className="h-8 w-auto"
                      value={state.selected[c.name]}
                      onChange={(e) => set({ selected: { ...state.selected, [c.name]: e.target.value as LabelKey } })}
                    >
                      {LABEL_KEYS.map((k) => (
                        <option key={k}>{k}</option>
                      ))}
                    </NativeSelect>
                  )}
                </li>
              ))}
              {state.extra.map((x, i) => (
                <li key={`x${i}`} className="flex items-center gap-2 text-sm">
                  <span className="font-mono">
                    {x.labelKey}={x.name}
                  </span>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={t("logging.flowForm.removeApplication", { name: x.name })}
                    onClick={() => set({ extra: state.extra.filter((_, j) => j !== i) })}
                  >
                    {t("logging.flowForm.remove")}
                  </Button>
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap items-end gap-2">
              <div className="min-w-40 flex-1">
                <Field id="flow-extra-name" label={t("logging.flowForm.otherApplication")}>
                  <Input
                    id="flow-extra-name"
                    value={extraName}
                    onChange={(e) => setExtraName(e.target.value)}
                    autoComplete="off"
                  />
                </Field>
              </div>
              <div>
                <Field id="flow-extra-key" label={t("logging.flowForm.labelKey")}>
                  <NativeSelect
                    id="flow-extra-key"
                    value={extraKey}
                    onChange={(e) => setExtraKey(e.target.value as LabelKey)}
                  >
                    {LABEL_KEYS.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </NativeSelect>
                </Field>
              </div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                disabled={!extraName.trim()}
                onClick={() => {
                  set({ extra: [...state.extra, { name: extraName.trim(), labelKey: extraKey }] });
                  setExtraName("");
                }}
              >
                {t("logging.flowForm.addApplication")}
              </Button>
            </div>
            {errors.applications && (
              <p id="flow-apps-error" className="text-xs text-destructive">
                {errors.applications}
              </p>
            )}
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("logging.flowForm.outputs")}</legend>
            {outputs.length === 0 ? (
              <p className="text-xs text-muted-foreground">{t("logging.flowForm.noOutputs")}</p>
            ) : (
              <ul className="flex flex-wrap gap-3">
                {outputs.map((o) => (
                  <li key={o}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={state.outputs.includes(o)}
                        onChange={(e) =>
                          set({
                            outputs: e.target.checked ? [...state.outputs, o] : state.outputs.filter((x) => x !== o),
                          })
                        }
                      />
                      {o}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <Field
              id="flow-cluster-outputs"
              label={t("logging.flowForm.clusterOutputs")}
              hint={t("logging.flowForm.clusterOutputsHint")}
              error={errors.outputs}
            >
              <Input
                id="flow-cluster-outputs"
                value={state.clusterOutputs}
                onChange={(e) => set({ clusterOutputs: e.target.value })}
                autoComplete="off"
              />
            </Field>
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">{t("logging.flowForm.filters")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={state.counter} onChange={(e) => set({ counter: e.target.checked })} />
              {t("logging.flowForm.counter")}
            </label>
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={state.parser} onChange={(e) => set({ parser: e.target.checked })} />
                {t("logging.flowForm.parser")}
              </label>
              {state.parser && (
                <div className="min-w-40">
                  <Field id="flow-parser-key" label={t("logging.flowForm.parserKey")} error={errors.parserKey}>
                    <Input
                      id="flow-parser-key"
                      value={state.parserKey}
                      onChange={(e) => set({ parserKey: e.target.value })}
                      autoComplete="off"
                    />
                  </Field>
                </div>
              )}
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              {GREP_FIELDS.map(({ key, id }) => (
                <Field
                  key={key}
                  id={id}
                  label={t(`logging.flowForm.${key}`)}
                  hint={t("logging.flowForm.regexHint")}
                  error={errors[key]}
                >
                  <Input
                    id={id}
                    className="font-mono"
                    value={state[key]}
                    onChange={(e) => set({ [key]: e.target.value })}
                    aria-invalid={!!errors[key]}
                    autoComplete="off"
                  />
                </Field>
              ))}
              <Field
                id="flow-geoip"
                label={t("logging.flowForm.geoip")}
                hint={t("logging.flowForm.geoipHint")}
                error={errors.geoip}
              >
                <Input
                  id="flow-geoip"
                  value={state.geoip}
                  onChange={(e) => set({ geoip: e.target.value })}
                  autoComplete="off"
                />
              </Field>
              <Field
                id="flow-throttle"
                label={t("logging.flowForm.throttle")}
                hint={t("logging.flowForm.throttleHint")}
                error={errors.throttle}
              >
                <Input
                  id="flow-throttle"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={state.throttle}
                  onChange={(e) => set({ throttle: e.target.value })}
                  aria-invalid={!!errors.throttle}
                />
              </Field>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={state.detectExceptions}
                onChange={(e) => set({ detectExceptions: e.target.checked })}
              />
              {t("logging.flowForm.detectExceptions")}
            </label>
          </fieldset>

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
