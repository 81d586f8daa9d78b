import { ModelxError } from "./errors";
import { DIGEST } from "./names";

/** Refuses anything but sha256:<64 hex> before it reaches a path. */
export function checkDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new ModelxError("DIGEST_INVALID", `${digest} is not sha256:<64 hex digits>`);
}
