import { createHash } from "node:crypto";

/** Lowercase hex MD5 of the UTF-8 bytes, as Nacos servers and clients compute it. */
export function md5Hex(content: string): string {
  return createHash("md5").update(content, "utf8").digest("hex");
}
