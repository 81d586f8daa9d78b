// The built-in runtime's worker process: loads one model and answers inference calls over IPC,
// so a model's CPU time never blocks the web server's event loop. Started by pool.ts.
import { BUILTIN_MODELS } from "./builtin";
import { infer } from "./infer";
import type { ModelSpec, Predictor } from "./model-spec";
import { V2Error } from "./v2-error";
import type { WorkerCall, WorkerReply } from "./worker-messages";

let loaded: { spec: ModelSpec; predictor: Predictor } | null = null;

const reply = (message: WorkerReply) => process.send?.(message);

async function handle(call: WorkerCall): Promise<WorkerReply> {
  if (call.op === "load") {
    const spec = BUILTIN_MODELS.get(call.model);
    if (!spec) throw new V2Error(404, `the built-in runtime has no model '${call.model}'`);
    loaded = { spec, predictor: await spec.load() };
    return { id: call.id, ok: true, result: null };
  }
  if (!loaded) throw new V2Error(503, "no model is loaded in this worker");
  return { id: call.id, ok: true, result: await infer(loaded.spec, loaded.predictor, call.request) };
}

process.on("message", (call: WorkerCall) => {
  handle(call).then(reply, (error: unknown) =>
    reply(
      error instanceof V2Error
        ? { id: call.id, ok: false, status: error.status, message: error.message }
        : { id: call.id, ok: false, status: 503, message: `the model failed: ${(error as Error)?.message ?? error}` },
    ),
  );
});
// The parent going away ends the worker (its IPC channel closes).
process.on("disconnect", () => process.exit(0));
