"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorUnder, problemFieldErrors, unplacedErrors } from "@/components/console/problem-field-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
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
  PROBE_KINDS,
  createProbe,
  probeKeys,
  updateProbe,
  type ProbeDto,
  type ProbeInput,
  type ProbeKind,
} from "./api";
import { draftOf, probeInputOf, type Draft } from "./probe-form";

const SHOWN = [
  "name",
  "kind",
  "target",
  "intervalSeconds",
  "timeoutSeconds",
  "enabled",
  "checks.validStatusCodes",
  "checks.bodyMustMatch",
  "checks.bodyMustNotMatch",
  "checks.tlsRequired",
  "checks.certExpiryWarningDays",
  "checks.followRedirects",
  "checks.dnsQueryName",
  "checks.dnsQueryType",
] as const;

/** Create (no probe) or edit (a probe) dialog; the server's 422 errors land beside their fields. */
export function ProbeFormDialog({ names, probe }: { names: EnvironmentNames; probe?: ProbeDto }) {
  const { t } = useI18n();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState<Draft>(() => draftOf(probe));
  const save = useMutation({
    mutationFn: (input: ProbeInput) => (probe ? updateProbe(names, probe.name, input) : createProbe(names, input)),
    onSuccess: async (saved) => {
      setOpen(false);
      toast({ title: t(probe ? "probes.saved" : "probes.created", { name: saved?.name ?? d.name }) });
      await queryClient.invalidateQueries({ queryKey: probeKeys.all(names) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const err = (path: string) => errorUnder(errors, path);
  const others = unplacedErrors(errors, SHOWN);
  const title = probe ? t("probes.editTitle", { name: probe.name }) : t("probes.createTitle");
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const field = (id: string, path: string) => ({
    id,
    "aria-invalid": Boolean(err(path)),
    "aria-describedby": err(path) ? `${id}-error` : undefined,
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setD(draftOf(probe));
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        {probe ? (
          <Button size="sm" variant="outline" aria-label={t("probes.editTitle", { name: probe.name })}>
            {t("common.edit")}
          </Button>
        ) : (
          <Button size="sm">{t("probes.new")}</Button>
        )}
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(40rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(probeInputOf(d));
          }}
        >
          <FormProblems error={save.error} fieldErrors={errors} unplaced={others} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="probe-name" label={t("common.name")} error={err("name")} hint={t("probes.nameHint")}>
              <Input
                {...field("probe-name", "name")}
                value={d.name}
                disabled={Boolean(probe)}
                onChange={(e) => set("name", e.target.value)}
              />
            </Field>
            <Field id="probe-kind" label={t("probes.kind")} error={err("kind")}>
              <NativeSelect
                {...field("probe-kind", "kind")}
                value={d.kind}
                onChange={(e) => set("kind", e.target.value as ProbeKind)}
              >
                {PROBE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`probes.kind.${k}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>
          <Field
            id="probe-target"
            label={t("probes.target")}
            error={err("target")}
            hint={t(`probes.targetHint.${d.kind}`)}
          >
            <Input
              {...field("probe-target", "target")}
              value={d.target}
              onChange={(e) => set("target", e.target.value)}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="probe-interval"
              label={t("probes.interval")}
              error={err("intervalSeconds")}
              hint={t("probes.intervalHint")}
            >
              <Input
                {...field("probe-interval", "intervalSeconds")}
                type="number"
                inputMode="numeric"
                min={10}
                max={43200}
                value={d.interval}
                onChange={(e) => set("interval", e.target.value)}
              />
            </Field>
            <Field id="probe-timeout" label={t("probes.timeout")} error={err("timeoutSeconds")}>
              <Input
                {...field("probe-timeout", "timeoutSeconds")}
                type="number"
                inputMode="numeric"
                min={1}
                value={d.timeout}
                onChange={(e) => set("timeout", e.target.value)}
              />
            </Field>
          </div>
          {d.kind === "http" && (
            <fieldset className="space-y-4 rounded-md border p-4">
              <legend className="px-1 text-sm font-medium">{t("probes.checks")}</legend>
              <Field
                id="probe-codes"
                label={t("probes.statusCodes")}
                error={err("checks.validStatusCodes")}
                hint={t("probes.statusCodesHint")}
              >
                <Input
                  {...field("probe-codes", "checks.validStatusCodes")}
                  value={d.statusCodes}
                  onChange={(e) => set("statusCodes", e.target.value)}
                />
              </Field>
              <Field
                id="probe-must-match"
                label={t("probes.bodyMustMatch")}
                error={err("checks.bodyMustMatch")}
                hint={t("probes.regexPerLine")}
              >
                <Textarea
                  {...field("probe-must-match", "checks.bodyMustMatch")}
                  rows={2}
                  className="font-mono"
                  value={d.mustMatch}
                  onChange={(e) => set("mustMatch", e.target.value)}
                />
              </Field>
              <Field
                id="probe-must-not-match"
                label={t("probes.bodyMustNotMatch")}
                error={err("checks.bodyMustNotMatch")}
                hint={t("probes.regexPerLine")}
              >
                <Textarea
                  {...field("probe-must-not-match", "checks.bodyMustNotMatch")}
                  rows={2}
                  className="font-mono"
                  value={d.mustNotMatch}
                  onChange={(e) => set("mustNotMatch", e.target.value)}
                />
              </Field>
              <div className="flex flex-wrap gap-6">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={d.tlsRequired}
                    onChange={(e) => set("tlsRequired", e.target.checked)}
                  />
                  {t("probes.tlsRequired")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={d.followRedirects}
                    onChange={(e) => set("followRedirects", e.target.checked)}
                  />
                  {t("probes.followRedirects")}
                </label>
              </div>
              {err("checks.tlsRequired") && <p className="text-xs text-destructive">{err("checks.tlsRequired")}</p>}
              <Field
                id="probe-cert-days"
                label={t("probes.certExpiryWarningDays")}
                error={err("checks.certExpiryWarningDays")}
                hint={t("probes.certExpiryWarningDaysHint")}
              >
                <Input
                  {...field("probe-cert-days", "checks.certExpiryWarningDays")}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={d.certDays}
                  onChange={(e) => set("certDays", e.target.value)}
                />
              </Field>
            </fieldset>
          )}
          {d.kind === "dns" && (
            <fieldset className="grid gap-4 rounded-md border p-4 sm:grid-cols-2">
              <legend className="px-1 text-sm font-medium">{t("probes.checks")}</legend>
              <Field id="probe-dns-name" label={t("probes.dnsQueryName")} error={err("checks.dnsQueryName")}>
                <Input
                  {...field("probe-dns-name", "checks.dnsQueryName")}
                  value={d.dnsQueryName}
                  onChange={(e) => set("dnsQueryName", e.target.value)}
                />
              </Field>
              <Field id="probe-dns-type" label={t("probes.dnsQueryType")} error={err("checks.dnsQueryType")}>
                <NativeSelect
                  {...field("probe-dns-type", "checks.dnsQueryType")}
                  value={d.dnsQueryType}
                  onChange={(e) => set("dnsQueryType", e.target.value)}
                >
                  {["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV"].map((q) => (
                    <option key={q} value={q}>
                      {q}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            </fieldset>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={d.enabled} onChange={(e) => set("enabled", e.target.checked)} />
            {t("probes.enabled")}
          </label>
          <DialogFooter>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("common.working") : probe ? t("common.save") : t("common.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
