import "server-only";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { RepositoryAccess } from "./access";
import { writeBlob } from "./blob-store";
import { checkDigest } from "./digest";
import { ModelxError } from "./errors";

/** PUT: streamed to disk and verified against the digest it is named by. */
export async function putBlob(
  access: RepositoryAccess,
  model: string,
  digest: string,
  request: Request,
): Promise<Response> {
  checkDigest(digest);
  if (!request.headers.get("content-type"))
    throw new ModelxError("INVALID_PARAMETER", "Content-Type is required (application/octet-stream).");
  if (!request.body) throw new ModelxError("SIZE_INVALID", "the blob has no body");
  const size = await writeBlob(access.repository, model, digest, request.body as WebReadableStream<Uint8Array>);
  return Response.json({ digest, size }, { status: 201 });
}
