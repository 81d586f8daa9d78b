import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { dataDir } from "@/lib/env";
import { ModelxError } from "./errors";
import { DIGEST } from "./names";

/** Largest blob accepted (FACET_MODELX_MAX_BLOB_BYTES, default 8 GiB). */
export const maxBlobBytes = () => Number(process.env.FACET_MODELX_MAX_BLOB_BYTES ?? 8 * 1024 ** 3);

const root = () => join(dataDir(), "modelx");
// Blobs are kept per repository and model: a digest known in one repository opens nothing in another.
const modelDir = (repository: string, model: string) => join(root(), "blobs", repository, model, "sha256");
const blobPath = (repository: string, model: string, digest: string) =>
  join(modelDir(repository, model), digest.slice("sha256:".length));
const uploadsDir = () => join(root(), "uploads");

export interface StoredBlob {
  digest: string;
  size: number;
  modifiedMs: number;
}

export async function statBlob(repository: string, model: string, digest: string): Promise<StoredBlob | null> {
  if (!DIGEST.test(digest)) return null;
  const info = await stat(blobPath(repository, model, digest)).catch(() => null);
  return info?.isFile() ? { digest, size: info.size, modifiedMs: info.mtimeMs } : null;
}

export function openBlob(repository: string, model: string, digest: string): Readable {
  return createReadStream(blobPath(repository, model, digest));
}

/**
 * Streams a body to a temporary file while hashing and counting it; only a body whose sha256 is
 * `digest` is renamed into place, so an interrupted or wrong upload leaves nothing visible, and
 * two uploads of the same blob at once both end with the same complete file.
 */
export async function writeBlob(
  repository: string,
  model: string,
  digest: string,
  body: WebReadableStream<Uint8Array>,
): Promise<number> {
  const limit = maxBlobBytes();
  await mkdir(uploadsDir(), { recursive: true });
  const temp = join(uploadsDir(), randomUUID());
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new ModelxError("TOOLARGE", `the blob is larger than ${limit} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body), meter, createWriteStream(temp, { flags: "wx" }));
    const actual = `sha256:${hash.digest("hex")}`;
    if (actual !== digest)
      throw new ModelxError("DIGEST_INVALID", `the body's digest is ${actual}, not ${digest}`, {
        expected: digest,
        actual,
      });
    await mkdir(modelDir(repository, model), { recursive: true });
    await rename(temp, blobPath(repository, model, digest));
    return size;
  } finally {
    await rm(temp, { force: true });
  }
}

export async function listBlobs(repository: string, model: string): Promise<StoredBlob[]> {
  const dir = modelDir(repository, model);
  const names = await readdir(dir).catch(() => [] as string[]);
  const blobs = await Promise.all(names.map((name) => statBlob(repository, model, `sha256:${name}`)));
  return blobs.filter((b): b is StoredBlob => b !== null);
}

export async function removeBlob(repository: string, model: string, digest: string): Promise<void> {
  await rm(blobPath(repository, model, digest), { force: true });
}

export async function removeModelBlobs(repository: string, model: string): Promise<void> {
  await rm(join(root(), "blobs", repository, model), { recursive: true, force: true });
}

/** Uploads left behind by a crash mid-write (their request ended long ago). */
export async function removeStaleUploads(olderThanMs: number): Promise<number> {
  const names = await readdir(uploadsDir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const info = await stat(join(uploadsDir(), name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(join(uploadsDir(), name), { force: true });
      removed++;
    }
  }
  return removed;
}
