"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runOperation } from "@/app/(console)/actions/operations";
import type { OperationName } from "@/lib/console/registry";
import type { ActionInput } from "@/lib/http/action";
import type { Problem } from "@/lib/http/problem";

/** Field errors of a problem, keyed by body field path ("quota.cpu"). */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [e.path.replace(/^body\./, ""), e.message]));
}

/** Runs a console operation; on success refreshes the server-rendered page. */
export function useOperation(name: OperationName) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = (input: ActionInput, onSuccess?: (data: unknown) => void) =>
    new Promise<boolean>((resolve) =>
      startTransition(async () => {
        const result = await runOperation(name, input);
        if (result.ok) {
          setProblem(null);
          onSuccess?.(result.data);
          router.refresh();
          resolve(true);
        } else {
          setProblem(result.error);
          resolve(false);
        }
      }),
    );
  return { run, pending, problem, reset: () => setProblem(null) };
}
