"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Problem } from "@/lib/http/problem";

const TITLES: Record<string, MessageKey> = {
  NOT_FOUND: "problem.NOT_FOUND",
  FORBIDDEN: "problem.FORBIDDEN",
  UNAUTHORIZED: "problem.UNAUTHORIZED",
  CONFLICT: "problem.CONFLICT",
  VALIDATION: "problem.VALIDATION",
  BAD_REQUEST: "problem.BAD_REQUEST",
  LIMIT_EXCEEDED: "problem.LIMIT_EXCEEDED",
  PRECONDITION_FAILED: "problem.PRECONDITION_FAILED",
  UPSTREAM: "problem.UPSTREAM",
};

/** What went wrong, in the user's language, with the server's detail (and request id to quote). */
export function ProblemAlert({ problem }: { problem: Problem | null }) {
  const { t } = useI18n();
  if (!problem) return null;
  // The detail often quotes the first error already: each message is said once.
  const errors = (problem.errors ?? []).filter((e) => !problem.detail?.includes(e.message));
  return (
    <Alert variant="destructive">
      <p className="font-medium">{t(TITLES[problem.code] ?? "problem.INTERNAL")}</p>
      <p className="mt-1">{problem.detail}</p>
      {errors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {errors.map((e, i) => (
            <li key={i}>
              <span className="font-mono">{e.path.replace(/^body\./, "")}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.code === "INTERNAL" && problem.instance && (
        <p className="mt-1 text-xs">{t("problem.quote", { id: problem.instance })}</p>
      )}
    </Alert>
  );
}
