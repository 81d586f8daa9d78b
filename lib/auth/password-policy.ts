import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@/lib/errors";
import { PasswordRules } from "./password-rules";

// A local password is at least PasswordRules.min characters and not on the shipped list of
// common passwords. The list is compared case-insensitively (after NFKC and trimming): a
// guesser tries `Password1` as surely as `password1`.

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
  return list;
}

const canonical = (password: string) => password.normalize("NFKC").trim().toLowerCase();

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(canonical(password));
}

/** Throws VALIDATION naming `path` when the password is too short, too long or common. */
export function assertPasswordAllowed(password: string, path = "body.password"): void {
  const length = [...password].length;
  const fail = (message: string) => new AppError("VALIDATION", message, { errors: [{ path, message }] });
  if (length < PasswordRules.min) throw fail(`At least ${PasswordRules.min} characters.`);
  if (length > PasswordRules.max) throw fail(`At most ${PasswordRules.max} characters.`);
  if (isCommonPassword(password)) throw fail("This password is on the list of common passwords; choose another.");
}
