// Safe anywhere (client components, the drizzle schema): plain constants of the config center.
export const CONFIG_TYPES = ["text", "json", "yaml", "properties", "xml", "html"] as const;
export type ConfigType = (typeof CONFIG_TYPES)[number];
export const CONFIG_KEY_ACCESS = ["read-only", "read-write"] as const;
export type ConfigKeyAccess = (typeof CONFIG_KEY_ACCESS)[number];

/** Nacos' own rule for data ids and groups (ParamUtils.isValid). */
export const NACOS_KEY_PATTERN = /^[a-zA-Z0-9_.:-]{1,255}$/;
export const NACOS_KEY_MESSAGE = "Use 1 to 255 letters, digits, '_', '-', '.' or ':'.";
/** Largest config content, in UTF-8 bytes. */
export const MAX_CONTENT_BYTES = 100 * 1024;
