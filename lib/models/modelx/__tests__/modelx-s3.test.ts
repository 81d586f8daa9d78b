// The modelx registry with blobs in an S3-compatible object store (FACET_MODELX_S3_*): the same
// tests as on local disk, against s3rver on loopback (lib/testing/s3-server.ts says why), plus
// where the bytes went: into the bucket under blobs/{repository}/{model}/sha256/, not on disk.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobStore } from "@/lib/models/modelx/blob-store";
import { s3Config } from "@/lib/models/modelx/s3-blob-store";
import { modelxRegistrySuite, sha } from "@/lib/testing/modelx-registry-suite";
import { startS3Server, type S3TestServer } from "@/lib/testing/s3-server";

const BUCKET = "facet-models";
const PREFIX = "registry";
const dataDir = mkdtempSync(join(tmpdir(), "facet-modelx-s3-"));
process.env.FACET_DATA_DIR = dataDir;
let s3: S3TestServer;
let client: S3Client;

// Registered before the suite's own set-up, so the store is configured for its first request.
beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, {
    FACET_MODELX_S3_ENDPOINT: s3.endpoint,
    FACET_MODELX_S3_BUCKET: BUCKET,
    FACET_MODELX_S3_ACCESS_KEY: s3.accessKey,
    FACET_MODELX_S3_SECRET_KEY: s3.secretKey,
    FACET_MODELX_S3_PREFIX: PREFIX,
  });
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey },
  });
});
afterAll(async () => {
  for (const k of Object.keys(process.env)) if (k.startsWith("FACET_MODELX_S3_")) delete process.env[k];
  await s3?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function keys(prefix: string): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key!);
}

const suite = modelxRegistrySuite({
  label: "in an S3-compatible store",
  uploadsLeft: () => keys(`${PREFIX}/uploads/`),
});

describe("the S3 store", () => {
  it("is the store in use, and keeps each blob as one object under the repository and model", async () => {
    expect(blobStore().kind).toBe("s3");
    const bytes = randomBytes(6 * 1024 * 1024 + 17); // more than one multipart part
    const digest = sha(bytes);
    const put = await suite.request("PUT", `/${suite.repo()}/weights/blobs/${digest}`, suite.root(), bytes);
    expect(put.status).toBe(201);
    expect(await keys(`${PREFIX}/blobs/${suite.repo()}/weights/`)).toEqual([
      `${PREFIX}/blobs/${suite.repo()}/weights/sha256/${digest.slice("sha256:".length)}`,
    ]);
    const back = Buffer.from(
      await (await suite.request("GET", `/${suite.repo()}/weights/blobs/${digest}`, suite.root())).arrayBuffer(),
    );
    expect(back.equals(bytes)).toBe(true);
    expect(existsSync(join(dataDir, "modelx", "blobs"))).toBe(false);
  });

  it("names what is missing when the endpoint is set without the rest", () => {
    expect(() => s3Config({ FACET_MODELX_S3_ENDPOINT: "http://127.0.0.1:9" })).toThrow(
      /FACET_MODELX_S3_BUCKET, FACET_MODELX_S3_ACCESS_KEY, FACET_MODELX_S3_SECRET_KEY/,
    );
    expect(s3Config({})).toBeNull();
  });
});
