"use server";

import { CONSOLE_OPERATIONS, type OperationName } from "@/lib/console/registry";
import { performAction, type ActionInput } from "@/lib/http/action";

/** The console's one server action: runs a named API operation for the session's user. */
export async function runOperation(name: OperationName, input: ActionInput) {
  const op = CONSOLE_OPERATIONS[name];
  if (!op)
    return {
      ok: false as const,
      error: {
        type: "about:blank",
        title: "Not found",
        status: 404,
        detail: `Unknown operation ${String(name)}.`,
        code: "NOT_FOUND",
      },
    };
  return performAction(op as never, input);
}
