"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { EnvironmentNames } from "@/lib/console/paths";
import { OUTPUT_TYPES, loggingKeys, saveOutputForm, type OutputForm, type OutputType } from "./api";
import { OUTPUT_FIELDS, buildOutputForm } from "./output-form";
import { SaveErrorAlert } from "./save-error-alert";
import { translateErrors } from "./translate-errors";

const TYPE_LABEL = {
  loki: "logging.output.type.loki",
  elasticsearch: "logging.output.type.elasticsearch",
  kafka: "logging.output.type.kafka",
  http: "logging.output.type.http",
  facet: "logging.output.type.facet",
} as const;

/** Where logs go: one form per output type. Secrets are write-only and land in a Secret. */
export function OutputFormDialog({ names }: { names: EnvironmentNames }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<OutputType>("loki");
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (form: OutputForm) => saveOutputForm(names, form),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: loggingKeys.all({ level: "environment", names }) });
    },
  });
  const fields = OUTPUT_FIELDS[type];
  const title = t("logging.outputForm.title");
  const reset = () => {
    setName("");
    setValues({});
    setErrors({});
    save.reset();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setType("loki");
        reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">{t("logging.outputForm.open")}</Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(36rem,95vw)]">
        <form
          noValidate
          aria-label={title}
          className="space-y-4"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            const built = buildOutputForm(name, type, values);
            if (!built.ok) {
              setErrors(translateErrors(built.errors, t));
              return;
            }
            setErrors({});
            save.mutate(built.form);
          }}
        >
          {save.error && <SaveErrorAlert error={save.error} />}
          <Field id="output-type" label={t("logging.output.type")}>
            <NativeSelect
              id="output-type"
              value={type}
              onChange={(e) => {
                setType(e.target.value as OutputType);
                // Values of one type (a password above all) never carry over to another.
                setValues({});
                setErrors({});
              }}
            >
              {OUTPUT_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(TYPE_LABEL[ty])}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="output-name" label={t("common.name")} error={errors.name} hint={t("logging.nameHint")}>
            <Input
              id="output-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={!!errors.name}
            />
          </Field>
          {type === "facet" && <p className="text-sm text-muted-foreground">{t("logging.output.facetHint")}</p>}
          {fields.map((f) => {
            const id = `output-${f.key}`;
            return (
              <Field
                key={`${type}-${f.key}`}
                id={id}
                label={f.required ? t(f.label) : t("logging.output.optional", { label: t(f.label) })}
                error={errors[f.key]}
                hint={f.hint && t(f.hint)}
              >
                {f.kind === "scheme" ? (
                  <NativeSelect
                    id={id}
                    value={values[f.key] ?? ""}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                    aria-invalid={!!errors[f.key]}
                  >
                    <option value="">{t("logging.output.choose")}</option>
                    <option value="https">https</option>
                    <option value="http">http</option>
                  </NativeSelect>
                ) : (
                  <Input
                    id={id}
                    type={f.secret ? "password" : f.kind === "number" ? "number" : "text"}
                    inputMode={f.kind === "number" ? "numeric" : undefined}
                    // Secrets are never prefilled nor offered by the browser's password manager.
                    autoComplete={f.secret ? "new-password" : "off"}
                    value={values[f.key] ?? ""}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                    aria-invalid={!!errors[f.key]}
                  />
                )}
              </Field>
            );
          })}
          {(fields.some((f) => f.secret) || type === "facet") && (
            <p className="text-xs text-muted-foreground">
              {t("logging.output.secretNote", { secret: `${name.trim() || "<name>"}-facet-output` })}
            </p>
          )}
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
