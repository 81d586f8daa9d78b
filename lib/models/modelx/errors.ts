// modelx answers errors as JSON {code, message, detail} (PROTOCOLS §9.1).

export const MODELX_CODES = {
  BLOB_UNKNOWN: 404,
  MANIFEST_UNKNOWN: 404,
  INDEX_UNKNOWN: 404,
  MANIFEST_INVALID: 400,
  DIGEST_INVALID: 400,
  INVALID_PARAMETER: 400,
  SIZE_INVALID: 400,
  NAME_INVALID: 400,
  UNAUTHORIZED: 401,
  DENIED: 403,
  UNSUPPORTED: 501,
  TOOLARGE: 413,
  INTERNAL: 500,
} as const;
export type ModelxCode = keyof typeof MODELX_CODES;

export class ModelxError extends Error {
  constructor(
    readonly code: ModelxCode,
    message: string,
    readonly detail: unknown = null,
  ) {
    super(message);
    this.name = "ModelxError";
  }
  get status(): number {
    return MODELX_CODES[this.code];
  }
}

export const modelxErrorResponse = (error: ModelxError) =>
  Response.json({ code: error.code, message: error.message, detail: error.detail }, { status: error.status });
