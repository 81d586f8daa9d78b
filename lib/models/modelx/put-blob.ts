import "server-only";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import type { RepositoryAccess } from "./access";
import { writeBlob } from "./blob-store";
import { checkDigest } from "./digest";
import { ModelxError } from "./errors";

/** PUT: streamed to the blob store and verified against the digest it is named by; audited. */
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
  // The bytes are in place (content-addressed, so a retry rewrites the same blob); the row says who sent them.
  await inTransaction((tx) =>
    writeAudit(tx, access.ctx, {
      action: "modelx.blob.put",
      tenantId: access.tenantId,
      target: `modelx/${access.repository}/${model}@${digest}`,
      after: { size },
    }),
  );
  return Response.json({ digest, size }, { status: 201 });
}
