import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestContext } from "@/lib/core/context";
import { inTransaction } from "@/lib/db/transaction";
import { modelxManifests } from "@/lib/db/schema";
import { statBlob, writeBlob } from "./blob-store";
import { CONFIG_MEDIA_TYPE, FILE_MEDIA_TYPE, MANIFEST_MEDIA_TYPE, manifestSize, type Manifest } from "./manifest";

export interface PublishedFile {
  name: string;
  bytes: Buffer;
}

/**
 * Publishes a model version from Facet itself (the built-in models at seed time), through the
 * same blob store and manifest rows a `modelx push` fills; idempotent for the same content.
 */
export async function publishModel(
  ctx: RequestContext,
  target: { repository: string; projectId: number | null; tenantId: number | null; model: string; reference: string },
  config: Buffer,
  files: PublishedFile[],
  annotations: Record<string, string>,
): Promise<Manifest> {
  const describe = async (name: string, bytes: Buffer, mediaType: string) => {
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    if (!(await statBlob(target.repository, target.model, digest))) {
      const stream = Readable.toWeb(Readable.from([bytes])) as WebReadableStream<Uint8Array>;
      await writeBlob(target.repository, target.model, digest, stream);
    }
    return { name, mediaType, digest, size: bytes.length };
  };
  const manifest: Manifest = {
    schemaVersion: 0,
    mediaType: MANIFEST_MEDIA_TYPE,
    config: await describe("modelx.yaml", config, CONFIG_MEDIA_TYPE),
    // Sorted by name (byte order, as Go sorts) and without dot-files, as modelx packs a directory.
    blobs: await Promise.all(
      [...files]
        .filter((f) => !f.name.startsWith("."))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((f) => describe(f.name, f.bytes, FILE_MEDIA_TYPE)),
    ),
    annotations,
  };
  const text = JSON.stringify(manifest);
  const size = manifestSize(manifest);
  await inTransaction(async (tx) => {
    const [existing] = await tx
      .select({ manifest: modelxManifests.manifest })
      .from(modelxManifests)
      .where(
        and(
          eq(modelxManifests.repository, target.repository),
          eq(modelxManifests.model, target.model),
          eq(modelxManifests.reference, target.reference),
        ),
      )
      .for("update");
    if (existing?.manifest === text) return; // published before with the same content
    await tx
      .insert(modelxManifests)
      .values({
        repository: target.repository,
        projectId: target.projectId,
        model: target.model,
        reference: target.reference,
        manifest: text,
        size,
      })
      .onDuplicateKeyUpdate({ set: { manifest: text, size } });
    await writeAudit(tx, ctx, {
      action: "modelx.push",
      tenantId: target.tenantId,
      target: `modelx/${target.repository}/${target.model}:${target.reference}`,
      after: { blobs: manifest.blobs.length, size },
    });
  });
  return manifest;
}
