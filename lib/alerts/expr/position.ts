import { AppError } from "@/lib/errors";

/** 1-based line and column of an offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column, offset };
}

/** A 422 naming the field and where in the expression the problem is. */
export function exprError(path: string, text: string, offset: number, what: string): AppError {
  const p = positionOf(text, offset);
  return new AppError("VALIDATION", "The expression is not valid.", {
    errors: [
      {
        path,
        message: `${what} at line ${p.line}, column ${p.column} (offset ${p.offset})`,
        line: p.line,
        column: p.column,
      },
    ],
  });
}

/** A double-quoted string literal that every PromQL and LogQL parser reads back as `value`. */
export const quoteString = (value: string) => JSON.stringify(value);

/** Reads a PromQL/LogQL string literal ("…", '…' or `…`); null if it is not one. */
export function unquoteString(literal: string): string | null {
  const q = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== q) return null;
  const body = literal.slice(1, -1);
  if (q === "`") return body;
  if (q === '"') {
    try {
      return JSON.parse(literal) as string;
    } catch {
      return null;
    }
  }
  if (q === "'") {
    try {
      return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
    } catch {
      return null;
    }
  }
  return null;
}

export interface Edit {
  at: number;
  to?: number;
  text: string;
}

/** Applies non-overlapping edits (insertions or replacements) to `text`. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.to ?? e.at);
  return out;
}
