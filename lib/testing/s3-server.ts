import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

// An S3-compatible server on loopback for tests: s3rver, which speaks the S3 REST API (SigV4,
// multipart uploads, copy, list v2) over a folder. No real S3 service can be installed here (no
// MinIO or Ceph gateway that runs alone in Debian), so this stands in for one; the client side is
// the AWS SDK Facet uses in production.

export interface S3TestServer {
  endpoint: string;
  /** s3rver's fixed credentials. */
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), "facet-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: "S3RVER",
    secretKey: "S3RVER",
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(directory, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
