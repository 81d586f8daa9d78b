// Safe to import from client components: the model catalog API's contract (issue 15).
import { z } from "zod";
import { MODEL_SOURCE_KINDS } from "./constants";

export const SourceName = z
  .string()
  .min(1, "Enter a name.")
  .max(63, "At most 63 characters.")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Use a lowercase DNS label (a-z, 0-9, '-').");
export const SourceParams = z.object({ source: SourceName });

/** Catalog model ids: `owner/name` (HuggingFace), a bare name or `repository/model` (modelx). */
export const ModelId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*){0,2}$/, "Not a model id.");
/** The catch-all route gives the id's segments. */
export const ModelParams = SourceParams.extend({
  model: z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v.join("/") : v))
    .pipe(ModelId),
});

const Images = z.record(z.string().max(64), z.string().min(1).max(512)).refine((v) => Object.keys(v).length <= 32, {
  message: "At most 32 images.",
});

export const SourceBody = z.object({
  name: SourceName,
  kind: z.enum(MODEL_SOURCE_KINDS),
  enabled: z.boolean().default(true),
  url: z
    .url({ protocol: /^https?$/, error: "An http(s) URL." })
    .max(2048)
    .nullable()
    .default(null),
  images: Images.default({}),
});
export type SourceBody = z.infer<typeof SourceBody>;
export const SourceUpdate = SourceBody.omit({ name: true, kind: true }).partial();
export type SourceUpdate = z.infer<typeof SourceUpdate>;

export const CATALOG_SORTS = ["downloads", "likes", "recent", "rating"] as const;
const Filter = z.string().trim().min(1).max(64).optional();
export const CatalogQuery = z.object({
  q: z.string().trim().max(128).optional(),
  task: Filter,
  framework: Filter,
  license: Filter,
  tag: z.string().trim().min(1).max(128).optional(),
  sort: z.enum(CATALOG_SORTS).default("downloads"),
  cursor: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  /** Admins only: include unpublished models. */
  all: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export type CatalogQuery = z.infer<typeof CatalogQuery>;

export const ModelAdminUpdate = z.object({ published: z.boolean().optional(), recommended: z.boolean().optional() });
export type ModelAdminUpdate = z.infer<typeof ModelAdminUpdate>;

/** The model catch-all's id when it ends with a `ratings` segment (…/models/{model}/ratings). */
export const RatingParams = SourceParams.extend({
  model: z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split("/")))
    .refine((v) => v.length > 1 && v[v.length - 1] === "ratings", "Not a ratings path.")
    .transform((v) => v.slice(0, -1).join("/"))
    .pipe(ModelId),
});

export const RatingBody = z
  .object({
    rating: z.number().int().min(1, "From 1 to 5.").max(5, "From 1 to 5.").optional(),
    comment: z.string().trim().max(2000, "At most 2000 characters.").default(""),
    parentId: z.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.parentId !== undefined && v.rating !== undefined)
      ctx.addIssue({ code: "custom", path: ["rating"], message: "A reply has no rating." });
    if (v.parentId === undefined && v.rating === undefined)
      ctx.addIssue({ code: "custom", path: ["rating"], message: "Choose a rating from 1 to 5." });
    if (v.parentId !== undefined && !v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Write a reply." });
  });
export type RatingBody = z.infer<typeof RatingBody>;

export const SYNC_STATE_VALUES = ["idle", "running", "stopping", "stopped", "done", "failed"] as const;
/** A "check connection" answer: a failure is a result, not an error. */
export interface SourceCheck {
  ok: boolean;
  latencyMs: number;
  /** Models on the first page (the registry's library models for modelx). */
  models: number;
  total: number | null;
  error: string | null;
}

export interface SyncStatus {
  state: (typeof SYNC_STATE_VALUES)[number];
  done: number;
  total: number | null;
  error: string | null;
  startedAt: string | null;
}
