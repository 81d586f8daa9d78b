import { Card, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import type { Translate } from "@/lib/i18n/translate";

export function ApiAccessCard({ origin, username, t }: { origin: string; username: string; t: Translate }) {
  const login = `curl -s ${origin}/api/v1/login \\
  -H 'Content-Type: application/json' \\
  -d '{"username":"${username}","password":"…"}'`;
  const call = `curl -s ${origin}/api/v1/me \\
  -H "Authorization: Bearer $TOKEN"`;
  return (
    <Card aria-labelledby="api-title">
      <CardTitle id="api-title">{t("overview.api")}</CardTitle>
      <p className="mb-4 text-sm text-muted-foreground">{t("overview.apiHelp")}</p>
      <div className="space-y-4">
        <CodeBlock label={t("overview.apiLogin")} code={login} />
        <CodeBlock label={t("overview.apiCall")} code={call} />
      </div>
    </Card>
  );
}
