// Safe to import from client components: zod schemas that are also the API's contract.
import { z } from "zod";
import { BAD_REQUEST_ISSUE } from "@/lib/errors";
import { EnvironmentParams } from "@/lib/tenancy/schemas";

import {
  CONFIG_KEY_ACCESS,
  CONFIG_TYPES,
  MAX_CONTENT_BYTES,
  NACOS_KEY_MESSAGE,
  NACOS_KEY_PATTERN,
  type ConfigType,
} from "./constants";
import { isNacosAddress } from "./nacos-address";

export { CONFIG_KEY_ACCESS, CONFIG_TYPES, MAX_CONTENT_BYTES, NACOS_KEY_MESSAGE, NACOS_KEY_PATTERN, type ConfigType };

// An invalid dataId is a bad request (400), as Nacos answers it.
export const DataId = z
  .string()
  .refine((v) => NACOS_KEY_PATTERN.test(v), { message: NACOS_KEY_MESSAGE, ...BAD_REQUEST_ISSUE });
const Md5 = z
  .string()
  .regex(/^[0-9a-f]{32}$/i, "An MD5 is 32 hex digits.")
  .transform((s) => s.toLowerCase());
const Tag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^,\s]+$/, "Tags have no commas or spaces.");

const PublishFields = {
  content: z.string(),
  type: z.enum(CONFIG_TYPES).default("text"),
  appName: z.string().max(128).default(""),
  description: z.string().max(512).default(""),
  tags: z.array(Tag).max(16).default([]),
  /** Compare-and-set: publish only if the stored content still has this MD5. */
  casMd5: Md5.optional(),
};

export const CreateConfigInput = z.object({ dataId: DataId, ...PublishFields });
export type CreateConfigInput = z.infer<typeof CreateConfigInput>;
export const PublishConfigBody = z.object(PublishFields);
export type PublishConfigBody = z.infer<typeof PublishConfigBody>;
export const PublishConfigInput = PublishConfigBody.extend({ dataId: DataId });
export type PublishConfigInput = z.infer<typeof PublishConfigInput>;

export const ListConfigsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(64).optional(),
  /** Data ids containing this text. */
  q: z.string().max(255).optional(),
  appName: z.string().max(128).optional(),
  tag: z.string().max(64).optional(),
});
export type ListConfigsQuery = z.infer<typeof ListConfigsQuery>;

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(64).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const RollbackInput = z.object({ historyId: z.coerce.number().int().positive() });
export type RollbackInput = z.infer<typeof RollbackInput>;

export const CreateConfigKeyInput = z.object({
  name: z.string().min(1, "Enter a name.").max(128),
  access: z.enum(CONFIG_KEY_ACCESS),
});
export type CreateConfigKeyInput = z.infer<typeof CreateConfigKeyInput>;

// Path segments: a data id that breaks the rules cannot exist, so reads answer 404 and
// writes 422 (the verbs validate it).
export const ConfigParams = EnvironmentParams.extend({ dataId: z.string().min(1).max(1024) });
export const HistoryParams = ConfigParams.extend({ id: z.coerce.number().int().positive() });
export const ConfigKeyParams = EnvironmentParams.extend({ id: z.coerce.number().int().positive() });
export type ConfigParams = z.infer<typeof ConfigParams>;

/** An external Nacos: an http(s) URL; a path in it is the context path (default /nacos). */
export const NacosAddress = z
  .string()
  .trim()
  .min(1, { error: "Enter the Nacos server's URL.", abort: true })
  .max(512)
  .refine(isNacosAddress, "Use an http(s) URL such as http://nacos.example:8848, with at most a context path.");

/**
 * The store of a cluster's configs: Facet's own, or an external Nacos. A password left out
 * keeps the stored one; an empty one removes it.
 */
export const ConfigBackendInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("embedded") }),
  z.object({
    kind: z.literal("nacos"),
    address: NacosAddress,
    username: z.string().trim().max(128).optional(),
    password: z.string().max(512).optional(),
  }),
]);
export type ConfigBackendInput = z.infer<typeof ConfigBackendInput>;

/** The answer: never the password, only whether one is stored. */
export const ConfigBackendDto = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("embedded") }),
  z.object({
    kind: z.literal("nacos"),
    address: z.string(),
    username: z.string().nullable(),
    hasPassword: z.boolean(),
  }),
]);
export type ConfigBackendDto = z.infer<typeof ConfigBackendDto>;
