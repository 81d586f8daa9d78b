import type { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

// What a blob store keeps and does; implemented by local-blob-store.ts and s3-blob-store.ts.

export interface StoredBlob {
  digest: string;
  size: number;
  modifiedMs: number;
}

export interface BlobStore {
  readonly kind: "local" | "s3";
  stat(repository: string, model: string, digest: string): Promise<StoredBlob | null>;
  open(repository: string, model: string, digest: string): Promise<Readable>;
  /** Streams `body` in, verified against `digest`; resolves to its size. Nothing is visible on failure. */
  write(repository: string, model: string, digest: string, body: WebReadableStream<Uint8Array>): Promise<number>;
  list(repository: string, model: string): Promise<StoredBlob[]>;
  remove(repository: string, model: string, digest: string): Promise<void>;
  removeModel(repository: string, model: string): Promise<void>;
  /** Uploads left behind by a crash mid-write (their request ended long ago). */
  removeStaleUploads(olderThanMs: number): Promise<number>;
}

/** Largest blob accepted (FACET_MODELX_MAX_BLOB_BYTES, default 8 GiB). */
export const maxBlobBytes = () => Number(process.env.FACET_MODELX_MAX_BLOB_BYTES ?? 8 * 1024 ** 3);
