import "server-only";
import { Readable } from "node:stream";
import type { RepositoryAccess } from "./access";
import { openBlob, statBlob } from "./blob-store";
import { checkDigest } from "./digest";
import { ModelxError } from "./errors";

/** HEAD and GET: the blob's bytes, streamed, or BLOB_UNKNOWN. */
export async function getBlob(
  access: RepositoryAccess,
  model: string,
  digest: string,
  head: boolean,
): Promise<Response> {
  checkDigest(digest);
  const blob = await statBlob(access.repository, model, digest);
  if (!blob) throw new ModelxError("BLOB_UNKNOWN", `no blob ${digest} in ${access.repository}/${model}`);
  const headers = {
    "content-type": "application/octet-stream",
    "content-length": String(blob.size),
    "docker-content-digest": digest,
  };
  if (head) return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(await openBlob(access.repository, model, digest)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
