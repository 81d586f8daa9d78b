"use client";

import { useState } from "react";
import { ConfirmDelete } from "@/components/console/confirm-delete";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { AuthSourceDto } from "@/lib/auth/sources/dto";

type TestResult = { ok: boolean; steps: { step: string; ok: boolean; detail: string }[] };

export function AuthSourcesTable({ sources, origin }: { sources: AuthSourceDto[]; origin: string }) {
  const { t } = useI18n();
  const toggle = useOperation("updateAuthSource");
  const test = useOperation("testAuthSource");
  const [results, setResults] = useState<Record<string, TestResult>>({});
  if (sources.length === 0) return <EmptyState title={t("sources.empty")} hint={t("sources.emptyHint")} />;
  return (
    <div className="space-y-3">
      <ProblemAlert problem={toggle.problem ?? test.problem} />
      <Table aria-label={t("sources.title")}>
        <THead>
          <tr>
            <Th>{t("common.name")}</Th>
            <Th>{t("sources.kind")}</Th>
            <Th>{t("sources.status")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </THead>
        <TBody>
          {sources.map((s) => (
            <tr key={s.name} className="align-top">
              <Td>
                <p className="font-medium">{s.displayName}</p>
                <p className="font-mono text-xs text-muted-foreground">{s.name}</p>
                {s.kind === "oidc" && (
                  <p className="mt-1 text-xs text-muted-foreground">
                    {t("sources.redirectUri", { uri: `${origin}/api/auth/callback/oidc-${s.name}` })}
                  </p>
                )}
                {results[s.name] && (
                  <Alert variant={results[s.name].ok ? "default" : "destructive"} className="mt-2">
                    <ul>
                      {results[s.name].steps.map((step) => (
                        <li key={step.step}>
                          {step.ok ? "✓" : "✗"} {step.step}: {step.detail}
                        </li>
                      ))}
                    </ul>
                  </Alert>
                )}
              </Td>
              <Td>{s.kind === "ldap" ? "LDAP" : "OpenID Connect"}</Td>
              <Td>
                {s.enabled ? <Badge tone="ok">{t("sources.enabled")}</Badge> : <Badge>{t("sources.disabled")}</Badge>}
              </Td>
              <Td className="space-x-2 whitespace-nowrap text-right">
                <Button
                  size="sm"
                  variant="outline"
                  aria-label={t("sources.testNamed", { name: s.displayName })}
                  disabled={test.pending}
                  onClick={() =>
                    test.run({ params: { name: s.name } }, (data) =>
                      setResults((r) => ({ ...r, [s.name]: data as TestResult })),
                    )
                  }
                >
                  {t("sources.test")}
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={toggle.pending}
                  onClick={() => toggle.run({ params: { name: s.name }, body: { enabled: !s.enabled } })}
                >
                  {s.enabled ? t("users.disable") : t("users.enable")}
                </Button>
                <ConfirmDelete
                  operation="deleteAuthSource"
                  input={{ params: { name: s.name } }}
                  name={s.name}
                  kind={t("sources.kindWord")}
                  triggerLabel={t("sources.deleteNamed", { name: s.name })}
                />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
