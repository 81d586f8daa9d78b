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
import { useToast } from "@/components/ui/toast";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  CHANNEL_KINDS,
  CONFIG_FIELDS,
  channelKeys,
  createChannel,
  hasStoredSecret,
  updateChannel,
  type ChannelDto,
  type ChannelInput,
  type ChannelKind,
  type ChannelScope,
} from "./api";
import { configOf, valuesOf, type Values } from "./channel-form";

export function ChannelFormDialog({ scope, channel }: { scope: ChannelScope; channel?: ChannelDto }) {
  const { t } = useI18n();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(channel?.name ?? "");
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "webhook");
  const [sendResolved, setSendResolved] = useState(channel?.sendResolved ?? true);
  const [values, setValues] = useState<Values>(() => valuesOf(channel));
  const save = useMutation({
    mutationFn: (input: ChannelInput) =>
      channel ? updateChannel(scope, channel.name, input) : createChannel(scope, input),
    onSuccess: async () => {
      setOpen(false);
      toast({ title: t(channel ? "channels.saved" : "channels.created", { name: channel?.name ?? name.trim() }) });
      await queryClient.invalidateQueries({ queryKey: channelKeys.all(scope) });
    },
  });
  const errors = problemFieldErrors(save.error);
  const fields = CONFIG_FIELDS[kind];
  const shown = ["name", "kind", "sendResolved", ...fields.map((f) => `config.${f.key}`)];
  const others = unplacedErrors(errors, shown);
  const title = channel ? t("channels.editTitle", { name: channel.name }) : t("channels.createTitle");
  const reset = () => {
    setName(channel?.name ?? "");
    setKind(channel?.kind ?? "webhook");
    setSendResolved(channel?.sendResolved ?? true);
    setValues(valuesOf(channel));
    save.reset();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        reset();
      }}
    >
      <DialogTrigger asChild>
        {channel ? (
          <Button size="sm" variant="outline" aria-label={title}>
            {t("common.edit")}
          </Button>
        ) : (
          <Button size="sm">{t("channels.new")}</Button>
        )}
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(36rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ name: name.trim(), kind, sendResolved, config: configOf(kind, values, channel) });
          }}
        >
          <FormProblems error={save.error} fieldErrors={errors} unplaced={others} />
          <Field id="channel-name" label={t("common.name")} error={errors.name}>
            <Input
              id="channel-name"
              value={name}
              disabled={Boolean(channel)}
              aria-invalid={Boolean(errors.name)}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field id="channel-kind" label={t("channels.kind")} error={errors.kind}>
            <NativeSelect
              id="channel-kind"
              value={kind}
              disabled={Boolean(channel)}
              onChange={(e) => {
                setKind(e.target.value as ChannelKind);
                // A secret typed for one kind never goes to another.
                setValues({});
              }}
            >
              {CHANNEL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`channels.kind.${k}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {fields.map((f) => {
            const id = `channel-${f.key}`;
            const error = errorUnder(errors, `config.${f.key}`);
            const label = t(`channels.field.${f.key}` as MessageKey);
            const stored = f.secret && hasStoredSecret(channel);
            if (f.type === "select")
              return (
                <Field key={`${kind}-${f.key}`} id={id} label={label} error={error}>
                  <NativeSelect
                    id={id}
                    value={String(values[f.key] ?? f.options?.[0] ?? "")}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                  >
                    {f.options?.map((o) => (
                      <option key={o} value={o}>
                        {t(`channels.field.${f.key}.${o}` as MessageKey)}
                      </option>
                    ))}
                  </NativeSelect>
                </Field>
              );
            if (f.type === "checkbox")
              return (
                <label key={`${kind}-${f.key}`} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={Boolean(values[f.key])}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.checked })}
                  />
                  {label}
                </label>
              );
            return (
              <Field
                key={`${kind}-${f.key}`}
                id={id}
                label={f.required ? label : t("channels.optional", { label })}
                error={error}
                hint={
                  stored
                    ? t("channels.secretKept")
                    : f.type === "list"
                      ? t("channels.listHint")
                      : kind === "dingtalk" && f.key === "secret"
                        ? t("channels.signHint")
                        : undefined
                }
              >
                <Input
                  id={id}
                  type={f.type === "list" ? "text" : f.type}
                  inputMode={f.type === "number" ? "numeric" : undefined}
                  autoComplete={f.secret ? "new-password" : "off"}
                  value={String(values[f.key] ?? "")}
                  aria-invalid={Boolean(error)}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                />
              </Field>
            );
          })}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={sendResolved} onChange={(e) => setSendResolved(e.target.checked)} />
            {t("channels.sendResolved")}
          </label>
          <DialogFooter>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("common.working") : channel ? t("common.save") : t("common.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
