// One worker process per loaded model, at most FACET_RUNTIME_MAX_WORKERS of them; a model idle
// for FACET_RUNTIME_IDLE_SECONDS is unloaded (its process ends) and loads again on next use.
import { fork, type ChildProcess } from "node:child_process";
import { sep } from "node:path";
import type { InferenceResponse } from "./infer";
import type { InferenceRequest } from "./v2-request";
import { V2Error } from "./v2-error";
import type { WorkerCall, WorkerReply } from "./worker-messages";

const maxWorkers = () => Math.max(1, Number(process.env.FACET_RUNTIME_MAX_WORKERS ?? 4));
const idleMs = () => Number(process.env.FACET_RUNTIME_IDLE_SECONDS ?? 600) * 1000;
const CALL_TIMEOUT_MS = Number(process.env.FACET_RUNTIME_TIMEOUT_MS ?? 30_000);
const LOAD_TIMEOUT_MS = 60_000;

// The worker runs under tsx from the source tree; a path made at run time keeps bundlers from
// trying to bundle it (Turbopack resolves a literal path given to fork()).
const workerFile = () => [process.cwd(), "lib", "models", "runtime", `worker${".ts"}`].join(sep);

type Pending = { resolve: (reply: WorkerReply) => void; timer: NodeJS.Timeout };

interface Worker {
  model: string;
  child: ChildProcess;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  lastUsed: number;
}

export interface RuntimePool {
  infer(model: string, request: InferenceRequest): Promise<InferenceResponse>;
  /** Loads the model (starting its worker) and resolves once it answers; rejects with why it failed. */
  load(model: string): Promise<void>;
  loaded(): string[];
  /** The process serving a model, while loaded. */
  workerPid(model: string): number | undefined;
  unload(model: string): void;
  close(): void;
}

export function createRuntimePool(): RuntimePool {
  const workers = new Map<string, Worker>();
  let nextId = 1;

  type Call = { op: "load"; model: string } | { op: "infer"; request: InferenceRequest };
  const call = (worker: Worker, message: Call, timeoutMs: number) =>
    new Promise<WorkerReply>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        worker.pending.delete(id);
        resolve({ id, ok: false, status: 503, message: `the model did not answer within ${timeoutMs} ms` });
      }, timeoutMs);
      worker.pending.set(id, { resolve, timer });
      worker.child.send({ ...message, id } as WorkerCall);
    });

  const stop = (worker: Worker, why: string) => {
    if (workers.get(worker.model) === worker) workers.delete(worker.model);
    for (const [id, p] of worker.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, ok: false, status: 503, message: why });
    }
    worker.pending.clear();
    if (worker.child.exitCode === null) worker.child.kill();
  };

  const start = (model: string): Worker => {
    if (workers.size >= maxWorkers()) {
      // Make room by unloading the least recently used idle model; if every one is busy, say so.
      const idle = [...workers.values()].filter((w) => !w.pending.size).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!idle) throw new V2Error(503, `the built-in runtime is serving ${workers.size} models; try again shortly`);
      stop(idle, "unloaded to make room for another model");
    }
    const child = fork(workerFile(), [], {
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const worker: Worker = { model, child, ready: Promise.resolve(), pending: new Map(), lastUsed: Date.now() };
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on("message", (reply: WorkerReply) => {
      const p = worker.pending.get(reply.id);
      if (!p) return;
      worker.pending.delete(reply.id);
      clearTimeout(p.timer);
      p.resolve(reply);
    });
    child.on("exit", (code, signal) =>
      stop(worker, `the model's worker ended (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim()}` : ""}`),
    );
    worker.ready = call(worker, { op: "load", model }, LOAD_TIMEOUT_MS).then((reply) => {
      if (!reply.ok) {
        stop(worker, reply.message);
        throw new V2Error(reply.status, reply.message);
      }
    });
    workers.set(model, worker);
    return worker;
  };

  const sweep = setInterval(
    () => {
      for (const worker of workers.values())
        if (!worker.pending.size && Date.now() - worker.lastUsed > idleMs()) stop(worker, "unloaded after idling");
    },
    Math.min(10_000, idleMs()),
  ).unref();

  const acquire = (model: string) => workers.get(model) ?? start(model);

  return {
    async load(model) {
      await acquire(model).ready;
    },
    async infer(model, request) {
      const worker = acquire(model);
      worker.lastUsed = Date.now();
      await worker.ready;
      const reply = await call(worker, { op: "infer", request }, CALL_TIMEOUT_MS);
      worker.lastUsed = Date.now();
      if (!reply.ok) throw new V2Error(reply.status, reply.message);
      return reply.result!;
    },
    loaded: () => [...workers.keys()],
    workerPid: (model) => workers.get(model)?.child.pid,
    unload(model) {
      const worker = workers.get(model);
      if (worker) stop(worker, "unloaded");
    },
    close() {
      clearInterval(sweep);
      for (const worker of [...workers.values()]) stop(worker, "the runtime is shutting down");
    },
  };
}
