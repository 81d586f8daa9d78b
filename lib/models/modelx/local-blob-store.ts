import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "@/lib/env";
import { blobMeter } from "./blob-meter";
import { maxBlobBytes, type BlobStore, type StoredBlob } from "./stored-blob";
import { DIGEST } from "./names";

const root = () => join(dataDir(), "modelx");
const modelDir = (repository: string, model: string) => join(root(), "blobs", repository, model, "sha256");
const blobPath = (repository: string, model: string, digest: string) =>
  join(modelDir(repository, model), digest.slice("sha256:".length));
const uploadsDir = () => join(root(), "uploads");

async function stat_(repository: string, model: string, digest: string): Promise<StoredBlob | null> {
  if (!DIGEST.test(digest)) return null;
  const info = await stat(blobPath(repository, model, digest)).catch(() => null);
  return info?.isFile() ? { digest, size: info.size, modifiedMs: info.mtimeMs } : null;
}

/** Blobs as files under FACET_DATA_DIR/modelx. */
export const localBlobStore: BlobStore = {
  kind: "local",
  stat: stat_,
  async open(repository, model, digest) {
    return createReadStream(blobPath(repository, model, digest));
  },
  // Streamed to a temporary file while hashed; only a body whose sha256 is `digest` is renamed
  // into place, so an interrupted or wrong upload leaves nothing visible, and two uploads of the
  // same blob at once both end with the same complete file.
  async write(repository, model, digest, body) {
    await mkdir(uploadsDir(), { recursive: true });
    const temp = join(uploadsDir(), randomUUID());
    const meter = blobMeter(maxBlobBytes());
    try {
      await pipeline(Readable.fromWeb(body), meter.stream, createWriteStream(temp, { flags: "wx" }));
      meter.verify(digest);
      await mkdir(modelDir(repository, model), { recursive: true });
      await rename(temp, blobPath(repository, model, digest));
      return meter.size();
    } finally {
      await rm(temp, { force: true });
    }
  },
  async list(repository, model) {
    const names = await readdir(modelDir(repository, model)).catch(() => [] as string[]);
    const blobs = await Promise.all(names.map((name) => stat_(repository, model, `sha256:${name}`)));
    return blobs.filter((b): b is StoredBlob => b !== null);
  },
  async remove(repository, model, digest) {
    await rm(blobPath(repository, model, digest), { force: true });
  },
  async removeModel(repository, model) {
    await rm(join(root(), "blobs", repository, model), { recursive: true, force: true });
  },
  async removeStaleUploads(olderThanMs) {
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
  },
};
