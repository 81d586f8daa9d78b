"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { FormDialog } from "@/components/console/form-dialog";
import { SelectField } from "@/components/console/select-field";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import type { ConfigKeyDto } from "@/lib/config-center/keys/dto";
import type { EnvNames } from "@/lib/config-center/queries";
import { CreateConfigKeyInput } from "@/lib/config-center/schemas";

type Created = {
  name: string;
  username: string;
  password: string;
  namespace: string;
  group: string;
  serverAddr: string;
};

function snippets(c: {
  serverAddr: string;
  namespace: string;
  group: string;
  username: string;
  password: string;
  dataId: string;
}) {
  return {
    node: `// npm "nacos" 2.x (the Node SDK speaks HTTP)
import { NacosConfigClient } from "nacos";

const client = new NacosConfigClient({
  serverAddr: "${c.serverAddr}",
  namespace: "${c.namespace}",
  username: "${c.username}",
  password: "${c.password}",
});
const content = await client.getConfig("${c.dataId}", "${c.group}");
client.subscribe({ dataId: "${c.dataId}", group: "${c.group}" }, (next) => console.log(next));`,
    // Facet speaks Nacos' HTTP API: 2.x SDKs need gRPC on port 9848, so the snippets name 1.x.
    go: `// github.com/nacos-group/nacos-sdk-go v1.x (2.x needs gRPC on port 9848, which Facet does not serve)
cc := *constant.NewClientConfig(
    constant.WithNamespaceId("${c.namespace}"),
    constant.WithUsername("${c.username}"),
    constant.WithPassword("${c.password}"),
)
sc := []constant.ServerConfig{*constant.NewServerConfig("${c.serverAddr.split(":")[0]}", ${c.serverAddr.split(":")[1] ?? 80})}
client, _ := clients.NewConfigClient(vo.NacosClientParam{ClientConfig: &cc, ServerConfigs: sc})
content, _ := client.GetConfig(vo.ConfigParam{DataId: "${c.dataId}", Group: "${c.group}"})`,
    java: `// com.alibaba.nacos:nacos-client 1.4.x (2.x needs gRPC on port 9848, which Facet does not serve)
Properties p = new Properties();
p.put(PropertyKeyConst.SERVER_ADDR, "${c.serverAddr}");
p.put(PropertyKeyConst.NAMESPACE, "${c.namespace}");
p.put(PropertyKeyConst.USERNAME, "${c.username}");
p.put(PropertyKeyConst.PASSWORD, "${c.password}");
ConfigService config = NacosFactory.createConfigService(p);
String content = config.getConfig("${c.dataId}", "${c.group}", 5000);`,
  };
}

/** Where and how applications read this environment's configs, and the keys they use. */
export function SdkAccessPanel({
  names,
  keys,
  canManage,
  dataId,
}: {
  names: EnvNames;
  keys: ConfigKeyDto[];
  canManage: boolean;
  /** A config of this environment, so the snippet reads something real. */
  dataId: string;
}) {
  const { t } = useI18n();
  const [created, setCreated] = useState<Created | null>(null);
  const [lang, setLang] = useState<"node" | "go" | "java">("node");
  const where = created ?? (keys[0] ? { ...keys[0], password: "<password>", serverAddr: "" } : null);
  return (
    <Card aria-labelledby="sdk-access">
      <CardTitle id="sdk-access">{t("configs.sdk")}</CardTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("configs.group")}</dt>
        <dd className="font-mono">{names.environment}</dd>
        {where && (
          <>
            <dt className="text-muted-foreground">{t("configs.namespace")}</dt>
            <dd className="font-mono">{where.namespace}</dd>
          </>
        )}
        {created && (
          <>
            <dt className="text-muted-foreground">{t("configs.serverAddr")}</dt>
            <dd className="font-mono">{created.serverAddr}</dd>
          </>
        )}
      </dl>
      <div className="mt-4 flex items-center justify-between">
        <h3 className="text-sm font-semibold">{t("configs.keys")}</h3>
        {canManage && (
          <FormDialog
            title={t("configs.newKey")}
            trigger={t("configs.newKey")}
            triggerVariant="outline"
            operation="createConfigKey"
            schema={CreateConfigKeyInput}
            messages={{ name: t("validation.required") }}
            toBody={(f) => ({ name: f.get("name"), access: f.get("access") })}
            toInput={(body) => ({ params: names, body })}
            onSuccess={(data) => setCreated(data as Created)}
            submitLabel={t("common.create")}
          >
            {(e) => (
              <>
                <TextField name="name" label={t("common.name")} error={e.name} placeholder="orders-service" autoFocus />
                <SelectField
                  name="access"
                  label={t("configs.access")}
                  options={[
                    { value: "read-only", label: t("tokens.readOnly") },
                    { value: "read-write", label: t("tokens.readWrite") },
                  ]}
                />
              </>
            )}
          </FormDialog>
        )}
      </div>
      {created && (
        <Alert className="mt-3">
          <p className="font-medium">{t("configs.keyShownOnce", { name: created.name })}</p>
          <p className="mt-1 font-mono text-xs">
            {t("login.username")}: {created.username}
            <br />
            {t("login.password")}: {created.password}
          </p>
        </Alert>
      )}
      <ul className="mt-3 space-y-2 text-sm">
        {keys.map((k) => (
          <li key={k.id} className="flex items-center justify-between gap-2 rounded border p-2">
            <span>
              <span className="font-medium">{k.name}</span>{" "}
              <Badge>{k.access === "read-only" ? t("tokens.readOnly") : t("tokens.readWrite")}</Badge>
              <span className="block font-mono text-xs text-muted-foreground">{k.username}</span>
            </span>
            {canManage && (
              <ConfirmDelete
                operation="deleteConfigKey"
                input={{ params: { ...names, id: String(k.id) } }}
                name={k.name}
                kind={t("configs.keyKind")}
                triggerLabel={t("configs.deleteKey", { name: k.name })}
              />
            )}
          </li>
        ))}
        {keys.length === 0 && <li className="text-muted-foreground">{t("configs.noKeys")}</li>}
      </ul>
      {created && (
        <div className="mt-4 space-y-2">
          <div role="tablist" aria-label={t("configs.snippets")} className="flex gap-1">
            {(["node", "go", "java"] as const).map((l) => (
              <button
                key={l}
                role="tab"
                aria-selected={lang === l}
                className={`rounded px-2 py-1 text-xs ${lang === l ? "bg-accent font-medium" : ""}`}
                onClick={() => setLang(l)}
              >
                {l === "node" ? "Node.js" : l === "go" ? "Go" : "Java"}
              </button>
            ))}
          </div>
          <CodeBlock label={t("configs.snippetFor", { lang })} code={snippets({ ...created, dataId })[lang]} />
        </div>
      )}
    </Card>
  );
}
