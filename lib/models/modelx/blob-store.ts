import "server-only";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { BlobStore } from "./stored-blob";
import { localBlobStore } from "./local-blob-store";
import { s3BlobStore, s3Config } from "./s3-blob-store";

export { maxBlobBytes, type StoredBlob } from "./stored-blob";

// Where modelx blobs live: under Facet's data directory, or in an S3-compatible object store
// when FACET_MODELX_S3_ENDPOINT is set. Both keep blobs per repository and model (a digest known
// in one repository opens nothing in another) and make a blob visible only once verified.

/** The configured store, read from the environment on each call (tests switch it). */
export function blobStore(): BlobStore {
  const s3 = s3Config();
  return s3 ? s3BlobStore(s3) : localBlobStore;
}

export const statBlob = (repository: string, model: string, digest: string) =>
  blobStore().stat(repository, model, digest);
export const openBlob = (repository: string, model: string, digest: string) =>
  blobStore().open(repository, model, digest);
export const writeBlob = (repository: string, model: string, digest: string, body: WebReadableStream<Uint8Array>) =>
  blobStore().write(repository, model, digest, body);
export const listBlobs = (repository: string, model: string) => blobStore().list(repository, model);
export const removeBlob = (repository: string, model: string, digest: string) =>
  blobStore().remove(repository, model, digest);
export const removeModelBlobs = (repository: string, model: string) => blobStore().removeModel(repository, model);
export const removeStaleUploads = (olderThanMs: number) => blobStore().removeStaleUploads(olderThanMs);
