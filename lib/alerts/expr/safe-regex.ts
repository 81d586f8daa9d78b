import { AppError } from "@/lib/errors";

// A log rule's regex runs in MariaDB (PCRE2, over up to LOG_SCAN_ROWS bodies per round) or in
// Loki (RE2). Only the subset both read the same way, and without the constructs that make
// backtracking explode, is accepted: no backreferences, lookaround, atomic groups, possessive
// quantifiers or recursion; no quantified group that contains a quantifier or an alternation
// ((a+)+, (a|aa)*); bounded counts.

const REFUSED: [RegExp, string][] = [
  [/\\[1-9]|\\k<|\\g/, "Backreferences are not allowed."],
  [/\(\?<?[=!]/, "Lookaround is not allowed."],
  [/\(\?>|\(\?R|\(\?\d|\(\?P/, "Atomic groups and recursion are not allowed."],
  [/[*+?}]\+/, "Possessive quantifiers are not allowed."],
];

const fail = (path: string, message: string) =>
  new AppError("VALIDATION", "The regular expression is not allowed.", { errors: [{ path, message }] });

/** Throws a 422 naming `path` unless `pattern` is in the safe subset. */
export function assertSafeRegex(pattern: string, path = "log.regex"): void {
  for (const [re, message] of REFUSED) if (re.test(pattern)) throw fail(path, message);
  const body = pattern.replace(/^\(\?i\)/, "");
  if (/\(\?[a-zA-Z-]*\)/.test(body)) throw fail(path, "Inline flags are only allowed as a leading (?i).");
  try {
    new RegExp(body, "u");
  } catch {
    throw fail(path, "Not a valid regular expression.");
  }
  for (const m of body.matchAll(/\{(\d+)(?:,(\d*))?\}/g))
    if (Number(m[1]) > 100 || (m[2] && Number(m[2]) > 100)) throw fail(path, "Repeat counts are at most 100.");
  // Scan groups: a group holding a quantifier may not be quantified itself ((a+)+, (a|b*)*).
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") stack.push(false);
    else if (c === ")") {
      const quantifiedInside = stack.pop() ?? false;
      const next = body[i + 1];
      const quantified = next === "*" || next === "+" || next === "?" || next === "{";
      if (quantifiedInside && quantified) throw fail(path, "A repeated group may not contain a repetition.");
      if (stack.length && (quantifiedInside || quantified)) stack[stack.length - 1] = true;
    } else if ((c === "*" || c === "+" || c === "{" || c === "|" || (c === "?" && body[i - 1] !== "(")) && stack.length)
      stack[stack.length - 1] = true;
  }
}
