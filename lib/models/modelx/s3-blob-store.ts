import "server-only";
import { randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type _Object,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { blobMeter } from "./blob-meter";
import { DIGEST } from "./names";
import { maxBlobBytes, type BlobStore, type StoredBlob } from "./stored-blob";

export interface S3Config {
  endpoint: URL;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** Keys start with this (a folder in a shared bucket), "" or ending in "/". */
  prefix: string;
}

/** S3's single-request copy stops at 5 GiB: uploads are verified, then copied into place. */
const S3_COPY_LIMIT = 5 * 1024 ** 3;
/** Multipart part size (S3's smallest), one part in flight: what one upload holds in memory. */
const PART_SIZE = 5 * 1024 ** 2;

/** FACET_MODELX_S3_* from the environment, or null for the local store. */
export function s3Config(env: Record<string, string | undefined> = process.env): S3Config | null {
  const endpoint = env.FACET_MODELX_S3_ENDPOINT;
  if (!endpoint) return null;
  const missing = ["FACET_MODELX_S3_BUCKET", "FACET_MODELX_S3_ACCESS_KEY", "FACET_MODELX_S3_SECRET_KEY"].filter(
    (k) => !env[k],
  );
  if (missing.length) throw new Error(`FACET_MODELX_S3_ENDPOINT is set, but not ${missing.join(", ")}`);
  const prefix = (env.FACET_MODELX_S3_PREFIX ?? "").replace(/^\/+|\/+$/g, "");
  return {
    endpoint: new URL(endpoint),
    bucket: env.FACET_MODELX_S3_BUCKET!,
    accessKey: env.FACET_MODELX_S3_ACCESS_KEY!,
    secretKey: env.FACET_MODELX_S3_SECRET_KEY!,
    region: env.FACET_MODELX_S3_REGION || "us-east-1",
    prefix: prefix ? `${prefix}/` : "",
  };
}

const stores = new Map<string, BlobStore>();

/** One store (and client) per configuration; the bucket is made on first use if missing. */
export function s3BlobStore(config: S3Config): BlobStore {
  const id = JSON.stringify(config);
  let store = stores.get(id);
  if (!store) {
    store = makeStore(config);
    stores.set(id, store);
  }
  return store;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
};

function makeStore(config: S3Config): BlobStore {
  const { bucket, prefix } = config;
  // The SDK line is pinned for Node 20 (TOOLCHAIN); its notice about later lines is known.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const client = new S3Client({
    endpoint: config.endpoint.origin,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKey, secretAccessKey: config.secretKey },
  });
  let bucketReady: Promise<void> | null = null;
  const ensureBucket = () =>
    (bucketReady ??= (async () => {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        if (!notFound(error)) throw error;
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
      }
    })().catch((error: unknown) => {
      bucketReady = null;
      throw error;
    }));

  const modelPrefix = (repository: string, model: string) => `${prefix}blobs/${repository}/${model}/sha256/`;
  const blobKey = (repository: string, model: string, digest: string) =>
    modelPrefix(repository, model) + digest.slice("sha256:".length);
  const uploadsPrefix = `${prefix}uploads/`;

  const listed = async (keyPrefix: string): Promise<_Object[]> => {
    await ensureBucket();
    const items: _Object[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: keyPrefix, ContinuationToken: token }),
      );
      items.push(...(page.Contents ?? []).filter((o) => o.Key));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return items;
  };
  const removeAll = async (keys: string[]) => {
    for (let i = 0; i < keys.length; i += 1000)
      await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
  };

  return {
    kind: "s3",
    async stat(repository, model, digest) {
      if (!DIGEST.test(digest)) return null;
      await ensureBucket();
      try {
        const info = await client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: blobKey(repository, model, digest) }),
        );
        return { digest, size: info.ContentLength ?? 0, modifiedMs: info.LastModified?.getTime() ?? 0 };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async open(repository, model, digest) {
      await ensureBucket();
      const object = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: blobKey(repository, model, digest) }),
      );
      return object.Body as Readable;
    },
    // Uploaded under uploads/ while hashed; only a body whose sha256 is `digest` is copied to its
    // key, so a wrong or interrupted upload is never visible, and two uploads of the same blob
    // both end with the same object.
    async write(repository, model, digest, body) {
      await ensureBucket();
      const upload = `${uploadsPrefix}${randomUUID()}`;
      const meter = blobMeter(Math.min(maxBlobBytes(), S3_COPY_LIMIT));
      const sink = new PassThrough();
      try {
        await Promise.all([
          pipeline(Readable.fromWeb(body), meter.stream, sink),
          new Upload({
            client,
            params: { Bucket: bucket, Key: upload, Body: sink, ContentType: "application/octet-stream" },
            partSize: PART_SIZE,
            queueSize: 1,
          }).done(),
        ]);
        meter.verify(digest);
        await client.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: blobKey(repository, model, digest),
            CopySource: `${bucket}/${encodeURIComponent(upload).replace(/%2F/g, "/")}`,
          }),
        );
        return meter.size();
      } finally {
        sink.destroy();
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: upload })).catch(() => undefined);
      }
    },
    async list(repository, model) {
      const at = modelPrefix(repository, model);
      return (await listed(at))
        .map((item): StoredBlob => ({
          digest: `sha256:${item.Key!.slice(at.length)}`,
          size: item.Size ?? 0,
          modifiedMs: item.LastModified?.getTime() ?? 0,
        }))
        .filter((b) => DIGEST.test(b.digest));
    },
    async remove(repository, model, digest) {
      await ensureBucket();
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: blobKey(repository, model, digest) }));
    },
    async removeModel(repository, model) {
      await removeAll((await listed(modelPrefix(repository, model))).map((i) => i.Key!));
    },
    async removeStaleUploads(olderThanMs) {
      const stale = (await listed(uploadsPrefix)).filter(
        (i) => Date.now() - (i.LastModified?.getTime() ?? Date.now()) > olderThanMs,
      );
      await removeAll(stale.map((i) => i.Key!));
      return stale.length;
    },
  };
}
