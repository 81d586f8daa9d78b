import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { readBoundedBody } from "@/lib/core/read-bounded-body";
import { TransportError } from "@/lib/core/transport-error";
import { inTransaction } from "@/lib/db/transaction";
import { modelxManifests } from "@/lib/db/schema";
import type { RepositoryAccess } from "./access";
import { statBlob } from "./blob-store";
import { ModelxError } from "./errors";
import { Manifest, MAX_MANIFEST_BYTES, manifestSize } from "./manifest";
import { REFERENCE } from "./names";

async function readManifest(request: Request): Promise<Manifest> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readBoundedBody(request, { limit: MAX_MANIFEST_BYTES }));
  } catch (error) {
    if (error instanceof TransportError && error.status === 413)
      throw new ModelxError("TOOLARGE", `a manifest is at most ${MAX_MANIFEST_BYTES} bytes`);
    if (error instanceof TransportError) throw new ModelxError("INVALID_PARAMETER", error.message);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelxError("MANIFEST_INVALID", `the manifest is not JSON: ${(error as Error).message}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelxError("MANIFEST_INVALID", `${issue.path.join(".")}: ${issue.message}`, parsed.error.issues);
  }
  return parsed.data;
}

/**
 * The commit point of a push: every blob it names must be uploaded to this model with its size,
 * then the manifest row and its audit row are written together.
 */
export async function putManifest(
  access: RepositoryAccess,
  model: string,
  reference: string,
  request: Request,
): Promise<Response> {
  if (!REFERENCE.test(reference)) throw new ModelxError("INVALID_PARAMETER", `${reference} is not a valid tag`);
  const manifest = await readManifest(request);
  for (const descriptor of [manifest.config, ...manifest.blobs]) {
    const blob = await statBlob(access.repository, model, descriptor.digest);
    if (!blob)
      throw new ModelxError("MANIFEST_INVALID", `blob ${descriptor.name} (${descriptor.digest}) is not uploaded`, {
        digest: descriptor.digest,
      });
    if (blob.size !== descriptor.size)
      throw new ModelxError(
        "MANIFEST_INVALID",
        `blob ${descriptor.name} is ${blob.size} bytes, not ${descriptor.size} as the manifest says`,
      );
  }
  const text = JSON.stringify(manifest);
  const size = manifestSize(manifest);
  await inTransaction(async (tx) => {
    await tx
      .insert(modelxManifests)
      .values({ repository: access.repository, projectId: access.projectId, model, reference, manifest: text, size })
      .onDuplicateKeyUpdate({ set: { manifest: text, size } });
    await writeAudit(tx, access.ctx, {
      action: "modelx.push",
      tenantId: access.tenantId,
      target: `modelx/${access.repository}/${model}:${reference}`,
      after: { blobs: manifest.blobs.length, size },
    });
  });
  return Response.json({ reference, size }, { status: 201 });
}
