import { AppError } from "@/lib/errors";

export const etagOf = (version: number) => `"v${version}"`;

/** The version an If-Match header asks for; undefined when absent or `*`. */
export function expectedVersionFrom(headers: Headers): number | undefined {
  const raw = headers.get("if-match")?.trim();
  if (!raw || raw === "*") return undefined;
  const match = /^(?:W\/)?"v(\d{1,10})"$/.exec(raw);
  if (!match)
    throw new AppError(
      "PRECONDITION_FAILED",
      `If-Match ${raw} does not name a version of this resource; GET it for its ETag.`,
    );
  return Number(match[1]);
}

export function staleVersion(expected: number, current: number): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    `The resource changed since you read it (you sent version ${expected}, it is now ${current}). Reload and try again.`,
    {
      details: { expectedVersion: expected, currentVersion: current },
    },
  );
}
