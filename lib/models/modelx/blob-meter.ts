import "server-only";
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { ModelxError } from "./errors";

/**
 * Counts and hashes a blob's bytes as they stream through, failing past `limit`; `verify` then
 * throws unless the sha256 is the digest the blob was named by.
 */
export function blobMeter(limit: number) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new ModelxError("TOOLARGE", `the blob is larger than ${limit} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return {
    stream,
    size: () => size,
    verify(digest: string) {
      const actual = `sha256:${hash.digest("hex")}`;
      if (actual !== digest)
        throw new ModelxError("DIGEST_INVALID", `the body's digest is ${actual}, not ${digest}`, {
          expected: digest,
          actual,
        });
    },
  };
}
