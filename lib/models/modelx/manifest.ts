import { z } from "zod";
import { DIGEST } from "./names";

export const MANIFEST_MEDIA_TYPE = "application/vnd.modelx.model.manifest.v1.json";
export const INDEX_MEDIA_TYPE = "application/vnd.modelx.model.index.v1.json";
export const CONFIG_MEDIA_TYPE = "application/vnd.modelx.model.config.v1.yaml";
export const FILE_MEDIA_TYPE = "application/vnd.modelx.model.file.v1";
export const DIRECTORY_MEDIA_TYPE = "application/vnd.modelx.model.directory.v1.tar+gz";
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const Annotations = z.record(z.string().max(256), z.string().max(4096));
export const Descriptor = z.object({
  name: z.string().min(1).max(512),
  mediaType: z.string().max(256).optional(),
  digest: z.string().regex(DIGEST, "a sha256 digest: sha256:<64 hex>"),
  size: z.number().int().min(0),
  mode: z.number().int().optional(),
  urls: z.array(z.string().max(2048)).max(16).optional(),
  modified: z.string().max(64).optional(),
  annotations: Annotations.optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

export const Manifest = z.object({
  schemaVersion: z.number().int(),
  mediaType: z.string().max(256).optional(),
  config: Descriptor,
  blobs: z.array(Descriptor).max(10_000),
  annotations: Annotations.optional(),
});
export type Manifest = z.infer<typeof Manifest>;

export const manifestSize = (m: Manifest) => m.blobs.reduce((n, b) => n + b.size, m.config.size);
