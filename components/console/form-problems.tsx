"use client";
import { Alert } from "@/components/ui/alert";
import { ProblemError } from "@/lib/query/send-json";

/**
 * What a refused save says above its form: the error itself when no field shows it, and the
 * field errors no field on the form owns (path: message), so nothing the server said is dropped.
 */
export function FormProblems({
  error,
  fieldErrors,
  unplaced,
}: {
  error: Error | null;
  fieldErrors: Record<string, string>;
  unplaced: [string, string][];
}) {
  return (
    <>
      {error && (!(error instanceof ProblemError) || Object.keys(fieldErrors).length === 0) && (
        <Alert variant="destructive">{error.message}</Alert>
      )}
      {unplaced.length > 0 && (
        <Alert variant="destructive">
          <ul className="list-disc pl-5">
            {unplaced.map(([path, message]) => (
              <li key={path}>
                <span className="font-mono">{path}</span>: {message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
