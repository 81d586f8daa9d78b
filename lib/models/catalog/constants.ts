export const MODEL_SOURCE_KINDS = ["huggingface", "openmmlab", "modelx"] as const;
export type ModelSourceKind = (typeof MODEL_SOURCE_KINDS)[number];
