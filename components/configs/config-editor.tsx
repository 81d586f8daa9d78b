"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { CodeEditor } from "@/components/editor/code-editor";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { CONFIG_TYPES, type ConfigType } from "@/lib/config-center/constants";
import { EDITOR_LANGUAGE, type ConfigDto, type EnvNames } from "@/lib/config-center/queries";
import { NACOS_KEY_PATTERN } from "@/lib/config-center/schemas";
import { consolePath } from "@/lib/console/paths";

/** Create or edit one config: content in Monaco with syntax by type; a stale save is refused. */
export function ConfigEditor({
  names,
  config,
  canWrite,
}: {
  names: EnvNames;
  config: ConfigDto | null;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [dataId, setDataId] = useState(config?.dataId ?? "");
  const [type, setType] = useState<ConfigType>((config?.type as ConfigType) ?? "yaml");
  const [content, setContent] = useState(config?.content ?? "");
  const [appName, setAppName] = useState(config?.appName ?? "");
  const [description, setDescription] = useState(config?.description ?? "");
  const [idError, setIdError] = useState<string | null>(null);
  const create = useOperation("createConfig");
  const publish = useOperation("publishConfig");
  const toast = useToast();
  const op = config ? publish : create;
  const save = async () => {
    if (!config && !NACOS_KEY_PATTERN.test(dataId)) {
      setIdError(t("configs.dataIdHint"));
      return;
    }
    setIdError(null);
    const body = { content, type, appName, description, tags: config?.tags ?? [] };
    if (config) {
      if (await publish.run({ params: { ...names, dataId: config.dataId }, body, expectedVersion: config.version }))
        toast({ title: t("toast.configPublished", { name: config.dataId }) });
    } else if (await create.run({ params: names, body: { ...body, dataId } })) {
      toast({ title: t("toast.configCreated", { name: dataId }) });
      router.push(consolePath.config(names, dataId));
    }
  };
  return (
    <Card aria-label={config ? t("configs.editNamed", { name: config.dataId }) : t("configs.new")}>
      <div className="grid gap-3 md:grid-cols-4">
        <Field
          id="config-data-id"
          label="Data ID"
          error={idError ?? undefined}
          hint={config ? undefined : t("configs.dataIdHint")}
        >
          <Input
            id="config-data-id"
            value={dataId}
            onChange={(e) => setDataId(e.target.value)}
            readOnly={Boolean(config)}
            aria-invalid={Boolean(idError)}
            className="font-mono"
          />
        </Field>
        <Field id="config-type" label={t("configs.type")}>
          <NativeSelect
            id="config-type"
            value={type}
            onChange={(e) => setType(e.target.value as ConfigType)}
            disabled={!canWrite}
          >
            {CONFIG_TYPES.map((ct) => (
              <option key={ct} value={ct}>
                {ct}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="config-app" label={t("configs.app")}>
          <Input id="config-app" value={appName} onChange={(e) => setAppName(e.target.value)} readOnly={!canWrite} />
        </Field>
        <Field id="config-description" label={t("common.description")}>
          <Input
            id="config-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            readOnly={!canWrite}
          />
        </Field>
      </div>
      <div className="mt-4">
        <CodeEditor
          label={t("configs.content")}
          language={EDITOR_LANGUAGE[type]}
          path={`${dataId || "new"}.${type}`}
          value={content}
          onChange={setContent}
          readOnly={!canWrite}
        />
      </div>
      <div className="mt-3">
        {op.problem?.status === 412 ? (
          <ProblemAlert problem={{ ...op.problem, detail: `${op.problem.detail} ${t("configs.reloadHint")}` }} />
        ) : (
          <ProblemAlert problem={op.problem} />
        )}
      </div>
      {canWrite && (
        <div className="mt-3 flex justify-end gap-2">
          <Button onClick={save} disabled={op.pending}>
            {op.pending ? t("common.working") : config ? t("configs.publish") : t("common.create")}
          </Button>
        </div>
      )}
    </Card>
  );
}
