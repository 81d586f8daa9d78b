"use client";

import { FormDialog } from "@/components/console/form-dialog";
import { TextField } from "@/components/console/text-field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { CreateAuthSourceInput } from "@/lib/auth/sources/schemas";

const text = (f: FormData, k: string) => {
  const v = String(f.get(k) ?? "").trim();
  return v === "" ? undefined : v;
};

export function NewLdapSource() {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("sources.newLdap")}
      trigger={t("sources.newLdap")}
      triggerVariant="outline"
      operation="createAuthSource"
      schema={CreateAuthSourceInput}
      messages={{
        name: t("validation.dnsLabel"),
        "config.url": t("sources.ldapUrlHint"),
        "config.baseDn": t("validation.required"),
      }}
      toBody={(f) => ({
        kind: "ldap",
        name: text(f, "name"),
        displayName: text(f, "displayName"),
        bindPassword: text(f, "bindPassword"),
        config: {
          url: text(f, "url"),
          startTls: f.get("startTls") === "on",
          caCertificate: text(f, "caCertificate"),
          bindDn: text(f, "bindDn") ?? "",
          baseDn: text(f, "baseDn"),
          userFilter: text(f, "userFilter") ?? "(uid={username})",
          attributes: {
            username: text(f, "attrUsername") ?? "uid",
            email: text(f, "attrEmail") ?? "mail",
            displayName: text(f, "attrDisplayName") ?? "cn",
          },
        },
      })}
      toInput={(body) => ({ body })}
      submitLabel={t("common.create")}
    >
      {(e) => (
        <>
          <TextField name="name" label={t("common.name")} error={e.name} hint={t("validation.dnsLabel")} autoFocus />
          <TextField name="displayName" label={t("sources.displayName")} error={e.displayName} />
          <TextField
            name="url"
            label={t("sources.ldapUrl")}
            placeholder="ldap://ldap.example.com:389"
            error={e["config.url"]}
          />
          <div className="flex items-center gap-2">
            <input id="field-startTls" name="startTls" type="checkbox" />
            <Label htmlFor="field-startTls">StartTLS</Label>
          </div>
          <Field
            id="field-caCertificate"
            label={t("sources.caCertificate")}
            error={e["config.caCertificate"]}
            hint={t("sources.caCertificateHint")}
          >
            <textarea
              id="field-caCertificate"
              name="caCertificate"
              rows={3}
              spellCheck={false}
              placeholder="-----BEGIN CERTIFICATE-----"
              aria-invalid={Boolean(e["config.caCertificate"])}
              className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs"
            />
          </Field>
          <TextField
            name="bindDn"
            label={t("sources.bindDn")}
            placeholder="cn=facet,ou=services,dc=example,dc=com"
            error={e["config.bindDn"]}
          />
          <TextField
            name="bindPassword"
            type="password"
            label={t("sources.bindPassword")}
            autoComplete="new-password"
          />
          <TextField
            name="baseDn"
            label={t("sources.baseDn")}
            placeholder="ou=people,dc=example,dc=com"
            error={e["config.baseDn"]}
          />
          <TextField
            name="userFilter"
            label={t("sources.userFilter")}
            placeholder="(uid={username})"
            error={e["config.userFilter"]}
            hint={t("sources.userFilterHint")}
          />
          <div className="grid grid-cols-3 gap-2">
            <TextField name="attrUsername" label={t("sources.attrUsername")} placeholder="uid" />
            <TextField name="attrEmail" label={t("sources.attrEmail")} placeholder="mail" />
            <TextField name="attrDisplayName" label={t("sources.attrDisplayName")} placeholder="cn" />
          </div>
        </>
      )}
    </FormDialog>
  );
}

export function NewOidcSource() {
  const { t } = useI18n();
  return (
    <FormDialog
      title={t("sources.newOidc")}
      trigger={t("sources.newOidc")}
      triggerVariant="outline"
      operation="createAuthSource"
      schema={CreateAuthSourceInput}
      messages={{
        name: t("validation.dnsLabel"),
        "config.issuer": t("sources.issuerHint"),
        "config.clientId": t("validation.required"),
      }}
      toBody={(f) => ({
        kind: "oidc",
        name: text(f, "name"),
        displayName: text(f, "displayName"),
        clientSecret: text(f, "clientSecret"),
        config: {
          issuer: text(f, "issuer"),
          authorizationUrl: text(f, "authorizationUrl"),
          tokenUrl: text(f, "tokenUrl"),
          userinfoUrl: text(f, "userinfoUrl"),
          issuerId: text(f, "issuerId"),
          clientId: text(f, "clientId"),
          scopes: text(f, "scopes") ?? "openid profile email",
          claims: {
            username: text(f, "claimUsername") ?? "preferred_username",
            email: text(f, "claimEmail") ?? "email",
            displayName: text(f, "claimName") ?? "name",
          },
        },
      })}
      toInput={(body) => ({ body })}
      submitLabel={t("common.create")}
    >
      {(e) => (
        <>
          <TextField name="name" label={t("common.name")} error={e.name} hint={t("validation.dnsLabel")} autoFocus />
          <TextField name="displayName" label={t("sources.displayName")} error={e.displayName} />
          <TextField
            name="issuer"
            label={t("sources.issuer")}
            placeholder="https://id.example.com"
            error={e["config.issuer"]}
            hint={t("sources.issuerHint")}
          />
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">{t("sources.manualEndpoints")}</summary>
            <div className="mt-2 space-y-3">
              <TextField
                name="authorizationUrl"
                label={t("sources.authorizationUrl")}
                error={e["config.authorizationUrl"]}
              />
              <TextField name="tokenUrl" label={t("sources.tokenUrl")} error={e["config.tokenUrl"]} />
              <TextField name="userinfoUrl" label={t("sources.userinfoUrl")} error={e["config.userinfoUrl"]} />
              <TextField
                name="issuerId"
                label={t("sources.issuerId")}
                error={e["config.issuerId"]}
                hint={t("sources.issuerIdHint")}
              />
            </div>
          </details>
          <TextField name="clientId" label={t("sources.clientId")} error={e["config.clientId"]} />
          <TextField
            name="clientSecret"
            type="password"
            label={t("sources.clientSecret")}
            autoComplete="new-password"
          />
          <TextField name="scopes" label={t("sources.scopes")} placeholder="openid profile email" />
          <div className="grid grid-cols-3 gap-2">
            <TextField name="claimUsername" label={t("sources.attrUsername")} placeholder="preferred_username" />
            <TextField name="claimEmail" label={t("sources.attrEmail")} placeholder="email" />
            <TextField name="claimName" label={t("sources.attrDisplayName")} placeholder="name" />
          </div>
        </>
      )}
    </FormDialog>
  );
}
