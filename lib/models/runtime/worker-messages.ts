import type { InferenceResponse } from "./infer";
import type { InferenceRequest } from "./v2-request";

/** Parent → worker. */
export type WorkerCall =
  { id: number; op: "load"; model: string } | { id: number; op: "infer"; request: InferenceRequest };

/** Worker → parent. */
export type WorkerReply =
  | { id: number; ok: true; result: InferenceResponse | null }
  | { id: number; ok: false; status: 400 | 404 | 413 | 503; message: string };
