"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { ProblemError } from "@/lib/query/send-json";

interface Shortfall {
  resource: string;
  requested: string;
  allocated: string;
  hard: string;
}

/** A failed write: its detail, and for a quota conflict (409) each resource that does not fit. */
export function DeploymentProblem({ error }: { error: Error }) {
  const { t } = useI18n();
  const shortfalls =
    error instanceof ProblemError && Array.isArray(error.problem.shortfalls)
      ? (error.problem.shortfalls as Shortfall[])
      : [];
  return (
    <Alert variant="destructive">
      <p>{error.message}</p>
      {shortfalls.length > 0 && (
        <ul className="mt-1 list-disc pl-5" aria-label={t("models.deploy.shortfalls")}>
          {shortfalls.map((s) => (
            <li key={s.resource}>{t("models.deploy.shortfall", { ...s })}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
