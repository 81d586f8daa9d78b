"use client";

import { Alert } from "@/components/ui/alert";
import { ProblemError } from "@/lib/query/send-json";
import { yamlIssues } from "./api";

/** A refused save of a logging form: an optional headline, the message, and the server's issues by path. */
export function SaveErrorAlert({ error, headline }: { error: Error; headline?: string }) {
  const issues = error instanceof ProblemError ? yamlIssues(error.problem) : [];
  return (
    <Alert variant="destructive">
      {headline && <p className="font-medium">{headline}</p>}
      <p className={headline ? "mt-1" : undefined}>{error.message}</p>
      {issues.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {issues.map((e, i) => (
            <li key={i}>
              <span className="font-mono">{e.path}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
